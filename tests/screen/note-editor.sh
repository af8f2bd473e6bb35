#!/bin/sh
# The EDITOR of tests/screen/note-editor.keys: it writes the file's mode,
# then what the file held, then a line of its own.
{
	ls -l "$1" | cut -c1-10
	cat "$1"
	echo "Written by the editor."
} >"$1.new" && mv "$1.new" "$1"

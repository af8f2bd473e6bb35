/* The heap made ready at start, in one system call. */
#ifndef AIATLAS_HEAP_H
#define AIATLAS_HEAP_H

#include <stddef.h>

void heap_prefault(size_t bytes);

#endif

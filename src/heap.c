/* The heap made ready at start, in one system call. */
#include "config.h"
#include "heap.h"

#include <malloc.h>
#include <stdint.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <unistd.h>

/*
 * Reading the schemas, drawing the first screen or running a command
 * touches about a megabyte of new heap, a page fault for each 4 kB page
 * the first time it is written: about 240 faults. Where the kernel runs
 * in a virtual machine, as on many servers, a fault can cost 10 to 12
 * microseconds (the development machine: a bundled first screen 18.5 ms
 * from exec with them, 16.8 ms without, tests/bench/README). So the heap
 * is grown once by bytes at start and its pages are made present by one
 * madvise() call (MADV_POPULATE_WRITE, Linux 5.14), which fills the page
 * tables without a fault per page; later allocations take those pages.
 * It changes nothing the program does: without the call (another kernel,
 * another C library), the pages are faulted in one by one as before.
 */

/* glibc's default padding of each growth of the heap (mallopt(3)). */
#define HEAP_TOP_PAD_DEFAULT	(128 * 1024)
/* Blocks taken to make the heap grow: under glibc's threshold for a
 * separate map (128 kB), so that they come from the heap. */
#define HEAP_BLOCK		(64 * 1024)
#define HEAP_BLOCKS		16

/* Grow the heap by about bytes, its pages present, for what the program
 * allocates next. Call it after db_init(), whose trim threshold keeps
 * that memory on top of the heap once freed here. */
void
heap_prefault(size_t bytes)
{
#if defined(M_TOP_PAD) && defined(MADV_POPULATE_WRITE)
	void *blocks[HEAP_BLOCKS];
	char *end, *first;
	uintptr_t page = (uintptr_t)sysconf(_SC_PAGESIZE);
	int n = 0;

	if (bytes == 0 || bytes > INT32_MAX || page == 0 ||
	    mallopt(M_TOP_PAD, (int)bytes) == 0)
		return;
	end = sbrk(0);
	/* The first block that does not fit on top grows the heap by
	 * itself and the padding. */
	while (n < HEAP_BLOCKS && (blocks[n] = malloc(HEAP_BLOCK)) != NULL &&
	    (char *)sbrk(0) == end)
		n++;
	if (n < HEAP_BLOCKS && blocks[n] != NULL)
		n++;
	first = n > 0 ? blocks[0] : NULL;
	end = sbrk(0);
	while (n > 0)
		free(blocks[--n]);
	mallopt(M_TOP_PAD, HEAP_TOP_PAD_DEFAULT);
	if (first == NULL || end == (char *)-1 || end <= first)
		return;
	first = (char *)((uintptr_t)first & ~(page - 1));
	/* An older kernel refuses it (EINVAL): then pages fault one by one. */
	(void)madvise(first, (size_t)(end - first), MADV_POPULATE_WRITE);
#else
	(void)bytes;
#endif
}

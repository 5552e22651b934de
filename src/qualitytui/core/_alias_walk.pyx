# cython: language_level=3, boundscheck=False, wraparound=False, cdivision=True
"""The compiled walk of alias_walk.py: a character trie in C arrays, walked over the text's code points
from each free token start (no string made, no set looked up per token)."""

from cpython.unicode cimport PyUnicode_DATA, PyUnicode_KIND, PyUnicode_READ
from libc.stdint cimport int32_t, uint32_t, uint64_t
from libc.stdlib cimport calloc, free, malloc


cdef class AliasTrie:
    """Aliases in a trie: transitions (node, character) → node in an open-addressed hash table."""

    cdef uint64_t* _keys  # (node << 32 | character) + 1; 0 is an empty slot
    cdef int32_t* _next
    cdef int32_t* _alias  # node → alias number ending there, or -1
    cdef int32_t* _root  # the root's children by character (below 0x10000), where most walks end
    cdef uint64_t _mask
    cdef public list aliases

    def __cinit__(self, aliases):
        self.aliases = list(aliases)
        cdef Py_ssize_t chars = 1, n
        for a in self.aliases:
            chars += len(<str>a)
        cdef uint64_t size = 16
        while size < 2 * <uint64_t>chars:
            size <<= 1
        self._mask = size - 1
        self._keys = <uint64_t*>calloc(size, sizeof(uint64_t))
        self._next = <int32_t*>malloc(size * sizeof(int32_t))
        self._alias = <int32_t*>malloc(chars * sizeof(int32_t))
        self._root = <int32_t*>malloc(0x10000 * sizeof(int32_t))
        if not self._keys or not self._next or not self._alias or not self._root:
            raise MemoryError()
        cdef int32_t nodes = 1, node, child
        cdef Py_UCS4 ch
        self._alias[0] = -1
        for n in range(0x10000):
            self._root[n] = -1
        for n, a in enumerate(self.aliases):
            node = 0
            for ch in <str>a:
                child = self._child(node, ch)
                if child < 0:
                    child = nodes
                    nodes += 1
                    self._alias[child] = -1
                    self._insert(node, ch, child)
                    if node == 0 and ch < 0x10000:
                        self._root[ch] = child
                node = child
            if self._alias[node] < 0:
                self._alias[node] = <int32_t>n

    def __dealloc__(self):
        free(self._keys)
        free(self._next)
        free(self._alias)
        free(self._root)

    cdef inline uint64_t _slot(self, uint64_t key) nogil:
        return ((key * <uint64_t>0x9E3779B97F4A7C15) >> 20) & self._mask

    cdef void _insert(self, int32_t node, Py_UCS4 ch, int32_t child):
        cdef uint64_t key = ((<uint64_t>node << 32) | <uint32_t>ch) + 1
        cdef uint64_t i = self._slot(key)
        while self._keys[i]:
            i = (i + 1) & self._mask
        self._keys[i] = key
        self._next[i] = child

    cdef inline int32_t _child(self, int32_t node, Py_UCS4 ch) nogil:
        if node == 0 and ch < 0x10000:
            return self._root[ch]
        cdef uint64_t key = ((<uint64_t>node << 32) | <uint32_t>ch) + 1
        cdef uint64_t i = self._slot(key)
        while self._keys[i]:
            if self._keys[i] == key:
                return self._next[i]
            i = (i + 1) & self._mask
        return -1

    def matches(self, object text, starts, const unsigned char[:] used):
        """(i, j, alias) for each alias equal to text[starts[i]:starts[j]], starts[i] not used."""
        cdef list out = []
        if not isinstance(text, str):  # a str subclass (Simplified) is welcome; `str text` would refuse it
            raise TypeError("text must be a str")
        cdef Py_ssize_t last = len(starts) - 1, i, j, pos, end
        cdef uint32_t[:] at
        cdef object arr
        if last < 1:
            return out
        arr = starts
        if not isinstance(starts, memoryview) and type(starts).__name__ != "array":
            from array import array
            arr = array("I", starts)
        at = arr
        cdef int32_t node, found
        cdef int kind = PyUnicode_KIND(text)
        cdef void* data = PyUnicode_DATA(text)
        if at[last] > <uint32_t>len(text) or used.shape[0] < last:
            raise ValueError("token starts beyond the text")
        for i in range(last):
            pos = at[i]
            if used[pos]:
                continue
            node = 0
            j = i
            while j < last:
                end = at[j + 1]
                while pos < end:
                    node = self._child(node, PyUnicode_READ(kind, data, pos))
                    if node < 0:
                        break
                    pos += 1
                if node < 0:
                    break
                j += 1
                found = self._alias[node]
                if found >= 0:
                    out.append((i, j, found))
        return out

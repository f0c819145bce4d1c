import type { FindingRule } from '../rule';

/**
 * Functions and objects of the C standard library (C11/C17 headers) and of POSIX (the most used
 * `unistd.h`, `fcntl.h`, `pthread.h`, `dlfcn.h`, `sys/*` and `netdb.h` functions). An export with
 * one of these names interposes it for the whole process that loads the library. A fixed list,
 * documented in the README with the rule.
 */
export const LIBC_NAMES: ReadonlySet<string> = new Set(
  [
    // stdlib.h
    `malloc calloc realloc free aligned_alloc posix_memalign memalign valloc abort exit _exit _Exit`,
    `atexit at_quick_exit quick_exit getenv setenv unsetenv putenv system atoi atol atoll atof strtol`,
    `strtoll strtoul strtoull strtod strtof strtold rand srand random srandom qsort bsearch abs labs`,
    `llabs div ldiv mkstemp mktemp realpath`,
    // string.h
    `memcpy memmove memset memcmp memchr strlen strnlen strcpy strncpy strcat strncat strcmp strncmp`,
    `strchr strrchr strstr strdup strndup strtok strtok_r strerror strerror_r strspn strcspn strpbrk`,
    `strcoll strxfrm strcasecmp strncasecmp bzero explicit_bzero`,
    // stdio.h
    `printf fprintf sprintf snprintf vprintf vfprintf vsprintf vsnprintf scanf fscanf sscanf puts`,
    `fputs putchar fputc putc gets fgets getchar fgetc getc ungetc fopen fdopen freopen fclose fflush`,
    `fread fwrite fseek ftell rewind feof ferror clearerr perror remove rename tmpfile tmpnam setbuf`,
    `setvbuf fileno getline getdelim popen pclose stdin stdout stderr`,
    // ctype.h, errno.h, locale.h, setjmp.h, signal.h, time.h, math.h (the common ones)
    `isalpha isdigit isalnum isspace isupper islower isprint ispunct isxdigit toupper tolower errno`,
    `__errno_location setlocale localeconv setjmp longjmp signal raise sigaction kill time clock`,
    `difftime mktime gmtime localtime strftime asctime ctime nanosleep clock_gettime gettimeofday sqrt`,
    `pow exp log sin cos tan floor ceil fabs fmod`,
    // unistd.h, fcntl.h, sys/*
    `open openat creat close read write pread pwrite lseek dup dup2 pipe fork vfork execve execv`,
    `execvp execl execlp wait waitpid getpid getppid getuid geteuid getgid setuid setgid chdir getcwd`,
    `unlink rmdir mkdir access chmod chown stat fstat lstat fsync truncate ftruncate sleep usleep`,
    `isatty sysconf ioctl fcntl mmap munmap mprotect select poll opendir readdir closedir link symlink`,
    `readlink umask alarm pause`,
    // sockets and netdb.h
    `socket bind listen accept connect send recv sendto recvfrom shutdown setsockopt getsockopt`,
    `getaddrinfo freeaddrinfo gethostbyname`,
    // pthread.h and dlfcn.h
    `pthread_create pthread_join pthread_detach pthread_self pthread_mutex_lock pthread_mutex_unlock`,
    `pthread_mutex_init pthread_mutex_destroy pthread_once pthread_key_create pthread_getspecific`,
    `pthread_setspecific dlopen dlsym dlclose dlerror`,
  ]
    .join(' ')
    .split(' '),
);

/** An export named like a C standard library or POSIX function or object. */
export const libcSymbolCollision: FindingRule = {
  id: 'libc-symbol-collision',
  level: 'high',
  kinds: ['function', 'static'],
  rationale:
    "memory safety: an exported `free`, `malloc` or `puts` interposes the C library's for the whole process that loads the library (the dynamic linker binds every caller to the first definition), so unrelated code calls it with the C contract",
  example: '#[no_mangle] pub extern "C" fn puts(s: *const c_char) -> c_int',
  checklist:
    "the symbol is renamed with the library's prefix (`mylib_free`), unless interposing the C library function is the intended, documented purpose",
  evidence: 'none: always open',
  check(item) {
    if (item.kind !== 'function' && item.kind !== 'static') return [];
    if (!LIBC_NAMES.has(item.symbol)) return [];
    return [
      {
        message: `\`${item.symbol}\` is the name of a C standard library or POSIX ${item.kind === 'static' ? 'object or function' : 'function'}: exporting it interposes the C library's in every process that loads this library`,
      },
    ];
  },
};

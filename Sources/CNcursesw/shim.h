#ifndef CNCURSESW_SHIM_H
#define CNCURSESW_SHIM_H
/* Wide API (get_wch, setcchar, mvadd_wch, cchar_t). SwiftPM drops pkg-config's
   "-D_XOPEN_SOURCE=600", so the shim asks for the wide API itself. */
#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif
#include <locale.h>
#include <langinfo.h>
#include <stdio.h>
#include <stdlib.h>
#include <wchar.h>
#include <ncurses.h>

/* C globals are rejected by Swift 6 strict concurrency; read them through functions. */
static inline WINDOW *lg_stdscr(void) { return stdscr; }
static inline int lg_lines(void) { return LINES; }
static inline int lg_cols(void) { return COLS; }
static inline const char *lg_curses_version(void) { return curses_version(); }
/* initscr() exit()s on an unknown TERM; newterm() returns NULL instead. */
static inline SCREEN *lg_newterm(void) { return newterm(NULL, stdout, stdin); }
/* A_* are NCURSES_BITS(...) macros and KEY_F(n) is function-like: not imported. */
static inline attr_t lg_a_normal(void) { return A_NORMAL; }
static inline attr_t lg_a_bold(void) { return A_BOLD; }
static inline attr_t lg_a_reverse(void) { return A_REVERSE; }
static inline attr_t lg_a_underline(void) { return A_UNDERLINE; }
static inline int lg_key_f(int n) { return KEY_F(n); }
static inline int lg_color_pairs(void) { return COLOR_PAIRS; }
/* glibc hides these behind __USE_XOPEN, which Swift's Glibc module is built without. */
extern int wcwidth(wchar_t c);

#endif

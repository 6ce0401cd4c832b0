#ifndef PATHWAY_CNCURSESW_SHIM_H
#define PATHWAY_CNCURSESW_SHIM_H
// SwiftPM drops pkg-config's -D_XOPEN_SOURCE, so the wide-character API is switched on here.
#define NCURSES_WIDECHAR 1
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#include <locale.h>
#include <langinfo.h>
#include <wchar.h>
#include <signal.h>
#include <ncursesw/curses.h>

// Swift cannot import function-like macros, and Swift 6 rejects the mutable C globals
// (stdscr, COLORS …) as not concurrency-safe, so each is reached through a function here.
static inline WINDOW *pd_stdscr(void) { return stdscr; }
static inline int pd_colors(void) { return COLORS; }
static inline int pd_color_pairs(void) { return COLOR_PAIRS; }
static inline int pd_lines(void) { return LINES; }
static inline int pd_cols(void) { return COLS; }
static inline attr_t pd_a_bold(void) { return A_BOLD; }
static inline attr_t pd_a_underline(void) { return A_UNDERLINE; }
static inline attr_t pd_a_reverse(void) { return A_REVERSE; }
static inline attr_t pd_a_dim(void) { return A_DIM; }
static inline attr_t pd_a_normal(void) { return A_NORMAL; }
static inline int pd_key_f(int n) { return KEY_F(n); }
static inline int pd_wcwidth(wchar_t c) { return wcwidth(c); }

/// Sets the locale from the environment; returns 1 when text is UTF-8.
static inline int pd_setlocale_utf8(void) {
    setlocale(LC_ALL, "");
    const char *cs = nl_langinfo(CODESET);
    return cs && (cs[0] == 'U' || cs[0] == 'u') && (cs[1] == 'T' || cs[1] == 't') && (cs[2] == 'F' || cs[2] == 'f');
}

/// Draws one cell: up to 4 wide characters (a base and its combining marks) with attributes and
/// a colour pair.
static inline int pd_put_cell(int y, int x, const wchar_t *chars, attr_t attrs, int pair) {
    cchar_t cell;
    if (setcchar(&cell, chars, attrs, (short)pair, NULL) != OK) return ERR;
    return mvwadd_wch(stdscr, y, x, &cell);
}
#endif

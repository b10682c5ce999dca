/* The per-glyph, per-text-object and per-page-object PDFium calls of the PDF reader, looped in C.
 *
 * Reading a page takes two PDFium calls a glyph, four a text object and two or three a page
 * object; through ctypes each costs far more than PDFium's own work, and so does the Python
 * that turns their results into columns. These loops make the same calls, in native code, and
 * write the columns the reader keeps into buffers it reads in one piece. PDFium's functions
 * are passed in as pointers (the ones pypdfium2 has loaded), so this library links against
 * nothing. It is optional: without it the reader makes the calls through ctypes, with the
 * same results (rectpipe/readers/pdf/native.py).
 */

#include <math.h>
#include <stdint.h>

typedef void *(*text_object_fn)(void *textpage, int index);
typedef int (*loose_box_fn)(void *textpage, int index, float *rect);
typedef double (*font_size_fn)(void *textpage, int index);
typedef float (*angle_fn)(void *textpage, int index);
typedef int (*map_error_fn)(void *textpage, int index);
typedef void *(*object_font_fn)(void *text_object);

/* A page's glyphs in one call.
 *
 * For each of the n glyphs at indices[k]: its loose box, PDFium's floats widened to doubles and
 * moved to a top-left origin (left - x_origin, right - x_origin, y_origin - top,
 * y_origin - bottom), a box that cannot be read taking its predecessor's (zeros for the first);
 * and slots[k], the number of its text object among the page's distinct ones, numbered in the
 * order of their first glyphs. For each distinct object j: objects[j] (NULL for glyphs without
 * one), and its first glyph's font size, angle and Unicode map error, and its font; and
 * glyph_sizes[k], the size of glyph k's object. table is scratch space of table_size ints (a
 * power of two, at least 2n). Returns the number of distinct objects. */
int rectpipe_glyphs(text_object_fn text_object, loose_box_fn loose_box, font_size_fn font_size,
                    angle_fn angle, map_error_fn map_error, object_font_fn object_font,
                    void *textpage, const int *indices, int n, double x_origin, double y_origin,
                    double *lefts, double *rights, double *tops, double *bottoms, int *slots,
                    void **objects, double *sizes, float *angles, int *errors, void **fonts,
                    double *glyph_sizes, int *table, int table_size) {
    float box[4] = {0.0f, 0.0f, 0.0f, 0.0f}; /* left, top, right, bottom (FS_RECTF) */
    uint64_t mask = (uint64_t)table_size - 1;
    int distinct = 0;
    void *last = 0;
    int last_slot = -1;
    for (int i = 0; i < table_size; i++)
        table[i] = 0;
    for (int k = 0; k < n; k++) {
        void *object = text_object(textpage, indices[k]);
        loose_box(textpage, indices[k], box); /* left as it was when not read */
        lefts[k] = (double)box[0] - x_origin;
        tops[k] = y_origin - (double)box[1];
        rights[k] = (double)box[2] - x_origin;
        bottoms[k] = y_origin - (double)box[3];
        if (last_slot >= 0 && object == last) { /* the usual case: the previous glyph's */
            slots[k] = last_slot;
            continue;
        }
        uint64_t h = ((uint64_t)(uintptr_t)object >> 4) * 0x9E3779B97F4A7C15ULL;
        uint64_t at = (h >> 17) & mask;
        while (table[at] && objects[table[at] - 1] != object)
            at = (at + 1) & mask;
        if (!table[at]) {
            objects[distinct] = object;
            sizes[distinct] = font_size(textpage, indices[k]);
            angles[distinct] = angle(textpage, indices[k]);
            errors[distinct] = map_error(textpage, indices[k]);
            fonts[distinct] = object ? object_font(object) : 0;
            table[at] = ++distinct;
        }
        last = object;
        last_slot = slots[k] = table[at] - 1;
    }
    for (int k = 0; k < n; k++)
        glyph_sizes[k] = sizes[slots[k]];
    return distinct;
}

typedef int (*count_objects_fn)(void *page);
typedef void *(*page_object_fn)(void *page, int index);
typedef int (*form_count_fn)(void *form);
typedef void *(*form_object_fn)(void *form, unsigned long index);
typedef int (*object_type_fn)(void *object);
typedef int (*bounds_fn)(void *object, float *left, float *bottom, float *right, float *top);
/* PDFium's FS_MATRIX: x' = a x + c y + e, y' = b x + d y + f. */
struct matrix {
    float a, b, c, d, e, f;
};
typedef int (*matrix_fn)(void *object, struct matrix *matrix);

enum { PAGEOBJ_PATH = 2, PAGEOBJ_IMAGE = 3, PAGEOBJ_FORM = 5, MAX_FORM_DEPTH = 8 };

struct graphics {
    form_count_fn form_count;
    form_object_fn form_object;
    object_type_fn object_type;
    bounds_fn bounds;
    matrix_fn matrix;
    double x_origin, y_origin, thin;
    double *edges; /* x0, top, x1, bottom of each segment */
    int capacity;  /* segments edges has room for */
    int count;     /* segments found (also those past capacity) */
    int images;
};

static void add_edge(struct graphics *g, double x0, double top, double x1, double bottom) {
    if (g->count < g->capacity) {
        double *edge = g->edges + 4 * g->count;
        edge[0] = x0;
        edge[1] = top;
        edge[2] = x1;
        edge[3] = bottom;
    }
    g->count++;
}

static int identity(const double *m) {
    return m[0] == 1 && m[1] == 0 && m[2] == 0 && m[3] == 1 && m[4] == 0 && m[5] == 0;
}

/* A point of a form's space on the page: through the form's matrices, innermost first. */
static void place(const double *m, double x, double y, double *px, double *py) {
    *px = m[0] * x + m[2] * y + m[4];
    *py = m[1] * x + m[3] * y + m[5];
}

static void visit(struct graphics *g, void *object, int depth, const double *m) {
    float left, bottom, right, top;
    if (!object)
        return;
    int kind = g->object_type(object);
    if (kind == PAGEOBJ_IMAGE) {
        g->images++;
    } else if (kind == PAGEOBJ_FORM && depth < MAX_FORM_DEPTH) {
        /* the objects of a form are in its own space: its matrix, then the one it is in */
        struct matrix f;
        double inner[6];
        for (int k = 0; k < 6; k++)
            inner[k] = m[k];
        if (g->matrix(object, &f)) {
            inner[0] = f.a * m[0] + f.b * m[2];
            inner[1] = f.a * m[1] + f.b * m[3];
            inner[2] = f.c * m[0] + f.d * m[2];
            inner[3] = f.c * m[1] + f.d * m[3];
            inner[4] = f.e * m[0] + f.f * m[2] + m[4];
            inner[5] = f.e * m[1] + f.f * m[3] + m[5];
        }
        int count = g->form_count(object);
        for (int k = 0; k < count; k++)
            visit(g, g->form_object(object, (unsigned long)k), depth + 1, inner);
    } else if (kind == PAGEOBJ_PATH) {
        if (!g->bounds(object, &left, &bottom, &right, &top))
            return;
        double l = left, b0 = bottom, r = right, t0 = top;
        if (!identity(m)) { /* the bounds of the corners, placed on the page */
            double xs[4], ys[4];
            place(m, left, bottom, &xs[0], &ys[0]);
            place(m, right, bottom, &xs[1], &ys[1]);
            place(m, left, top, &xs[2], &ys[2]);
            place(m, right, top, &xs[3], &ys[3]);
            l = r = xs[0];
            b0 = t0 = ys[0];
            for (int k = 1; k < 4; k++) {
                l = xs[k] < l ? xs[k] : l;
                r = xs[k] > r ? xs[k] : r;
                b0 = ys[k] < b0 ? ys[k] : b0;
                t0 = ys[k] > t0 ? ys[k] : t0;
            }
        }
        double x0 = l - g->x_origin, x1 = r - g->x_origin;
        double t = g->y_origin - t0, b = g->y_origin - b0;
        if (x1 - x0 <= g->thin || b - t <= g->thin) {
            add_edge(g, x0, t, x1, b);
        } else {
            add_edge(g, x0, t, x1, t);
            add_edge(g, x0, b, x1, b);
            add_edge(g, x0, t, x0, b);
            add_edge(g, x1, t, x1, b);
        }
    }
}

/* The ruling segments and images of a page, as the reader's Python walk finds them: every
 * page object in order, Form XObjects entered (to depth MAX_FORM_DEPTH) where they are drawn
 * and their objects placed on the page through the forms' matrices, a path that is no wider or
 * taller than thin one segment and any other its four sides. At most capacity segments are
 * written into edges (four doubles each); returns the number found (more than capacity: call
 * again with room for them), and the images in *images. */
int rectpipe_form_graphics(count_objects_fn count_objects, page_object_fn page_object,
                           form_count_fn form_count, form_object_fn form_object,
                           object_type_fn object_type, bounds_fn bounds, matrix_fn matrix,
                           void *page, double x_origin, double y_origin, double thin,
                           double *edges, int capacity, int *images) {
    static const double identity[6] = {1, 0, 0, 1, 0, 0};
    struct graphics g = {form_count, form_object, object_type, bounds, matrix, x_origin,
                         y_origin, thin, edges, capacity, 0, 0};
    int count = count_objects(page);
    for (int k = 0; k < count; k++)
        visit(&g, page_object(page, k), 0, identity);
    *images = g.images;
    return g.count;
}

/* Stable merge sort of indices[0 .. n-1] by keys[index], bottom-up, through scratch (room for
 * n ints); the result is back in indices. Equal keys keep their order, as Python's sort does. */
static void sort_by_key(int *indices, int *scratch, int n, const double *keys) {
    int *from = indices, *to = scratch;
    for (int width = 1; width < n; width *= 2) {
        for (int left = 0; left < n; left += 2 * width) {
            int middle = left + width < n ? left + width : n;
            int right = left + 2 * width < n ? left + 2 * width : n;
            int a = left, b = middle, k = left;
            while (a < middle && b < right)
                to[k++] = keys[from[b]] < keys[from[a]] ? from[b++] : from[a++];
            while (a < middle)
                to[k++] = from[a++];
            while (b < right)
                to[k++] = from[b++];
        }
        int *swap = from;
        from = to;
        to = swap;
    }
    if (from != indices)
        for (int k = 0; k < n; k++)
            indices[k] = from[k];
}

/* A page's glyphs cut into lines, as the reader's Python code cuts them: the upright glyphs
 * (upright[i] nonzero, or every glyph when upright is NULL) of positive height
 * (bottoms[i] > tops[i]), sorted by doubled vertical centre (tops[i] + bottoms[i]; equal
 * centres keep their order), each joining the current line when its centre lies within reach
 * times the smaller of its height and the line's first glyph's from that glyph's, else
 * starting a line; then each line's glyphs sorted by x0s (equal ones keeping their order).
 * Writes the glyphs, line after line, into order and where lines start among them into
 * starts (*lines of them); returns the number of glyphs in order, or -1 (nothing written
 * that counts) when a centre or an x0 is NaN: Python's sort places those in an order of its
 * own. centres and scratch are room for n doubles and n ints. */
int rectpipe_lines(const double *tops, const double *bottoms, const double *x0s,
                   const char *upright, int n, double reach, double *centres, int *scratch,
                   int *order, int *starts, int *lines) {
    int m = 0;
    for (int i = 0; i < n; i++) {
        centres[i] = tops[i] + bottoms[i];
        if ((!upright || upright[i]) && bottoms[i] > tops[i]) {
            if (centres[i] != centres[i] || x0s[i] != x0s[i])
                return -1;
            order[m++] = i;
        }
    }
    sort_by_key(order, scratch, m, centres);
    int count = 0;
    double centre2 = 0.0, height = 0.0;
    for (int position = 0; position < m; position++) {
        int i = order[position];
        double mid2 = centres[i], h = bottoms[i] - tops[i];
        double distance = mid2 - centre2;
        if (distance < 0.0)
            distance = -distance;
        if (count && distance <= reach * (h < height ? h : height))
            continue;
        starts[count++] = position;
        centre2 = mid2;
        height = h;
    }
    for (int g = 0; g < count; g++) {
        int end = g + 1 < count ? starts[g + 1] : m;
        sort_by_key(order + starts[g], scratch, end - starts[g], x0s);
    }
    *lines = count;
    return m;
}

/* What the reader's Python code (line_flags.py) works out page-wide for a page's lines:
 * line g is glyphs starts[g] .. starts[g+1]-1 (sorted left to right, lines one after another;
 * lines of them, starts[lines] == n). For each line, flags[g] has
 *   1 when the line may hold overlapping or duplicated glyphs: a glyph starting left of the end
 *     of its left neighbour (x0s[k] < x1s[k-1]), a glyph repeating its neighbour's character
 *     (codes[k] == codes[k-1], when codes is given), or any line at all when an x0 or x1 is not
 *     finite (their sums, as Python adds them) or some x0 exceeds its x1;
 *   2 when a gap to the left neighbour is wider than space times the smallest size of the page
 *     and than space times the size of either glyph;
 *   4 when the line's sizes are not all its first glyph's;
 * and x1s_max[g], tops_min[g], bottoms_max[g]: the largest x1, smallest top and largest bottom
 * of its glyphs, as Python's max and min find them (the first glyph's value unless another
 * compares greater, or less); widest[g], its widest gap between neighbours that is not NaN
 * (NaN when there is none). Returns 0; -1, with nothing written that counts, when the sizes
 * add up to NaN (Python then compares the glyphs one by one). */
int rectpipe_rows(const double *x0s, const double *x1s, const double *tops, const double *bottoms,
                  const double *sizes, const unsigned int *codes, int n, const int *starts,
                  int lines, double space, unsigned char *flags, double *x1s_max,
                  double *tops_min, double *bottoms_max, double *widest) {
    double sum0 = 0.0, sum1 = 0.0, sum_sizes = 0.0, smallest = 0.0;
    int ordered = 1;
    for (int i = 0; i < n; i++) {
        sum0 += x0s[i];
        sum1 += x1s[i];
        sum_sizes += sizes[i];
        if (!(x0s[i] <= x1s[i]))
            ordered = 0;
        if (i == 0 || sizes[i] < smallest)
            smallest = sizes[i];
    }
    if (sum_sizes != sum_sizes)
        return -1;
    int finite = isfinite(sum0) && isfinite(sum1) && ordered;
    double low = space * smallest;
    for (int g = 0; g < lines; g++) {
        int a = starts[g], b = starts[g + 1];
        unsigned char flag = finite ? 0 : 1;
        double x1 = x1s[a], top = tops[a], bottom = bottoms[a], wide = NAN;
        for (int k = a + 1; k < b; k++) {
            double gap = x0s[k] - x1s[k - 1];
            if (gap == gap && (wide != wide || gap > wide))
                wide = gap;
            if (gap < 0.0 || (codes && codes[k] == codes[k - 1]))
                flag |= 1;
            if (gap > low && (gap > space * sizes[k - 1] || gap > space * sizes[k]))
                flag |= 2;
            if (sizes[k] != sizes[a])
                flag |= 4;
            if (x1s[k] > x1)
                x1 = x1s[k];
            if (tops[k] < top)
                top = tops[k];
            if (bottoms[k] > bottom)
                bottom = bottoms[k];
        }
        flags[g] = flag;
        x1s_max[g] = x1;
        tops_min[g] = top;
        bottoms_max[g] = bottom;
        widest[g] = wide;
    }
    return 0;
}

/* The glyphs whose boxes are of odd height, as glyph_heights.py finds them: positive height
 * (bottoms[k] - tops[k] > 0) shorter than low times their size or taller than high times it.
 * Their indices, in order, go into odd; returns how many. */
int rectpipe_odd_heights(const double *tops, const double *bottoms, const double *sizes, int n,
                         double low, double high, int *odd) {
    int count = 0;
    for (int k = 0; k < n; k++) {
        double height = bottoms[k] - tops[k];
        if ((height < sizes[k] * low || height > sizes[k] * high) && height > 0.0)
            odd[count++] = k;
    }
    return count;
}

/* The characters of a page's text (codes, one code point each) that are glyphs to lay out:
 * all but controls and spaces up to U+0020, lone surrogates and the blanks of pdfium_text.py
 * (_SKIPPED). Their indices go into kept; returns their number. */
int rectpipe_kept(const unsigned int *codes, int n, int *kept) {
    int count = 0;
    for (int k = 0; k < n; k++) {
        unsigned int c = codes[k];
        if (c <= 0x20 || (c >= 0xD800 && c < 0xE000) || (c >= 0x2000 && c < 0x200C) ||
            c == 0x7F || c == 0x85 || c == 0xA0 || c == 0x1680 || c == 0x2028 || c == 0x2029 ||
            c == 0x202F || c == 0x205F || c == 0x3000 || c == 0xFEFF)
            continue;
        kept[count++] = k;
    }
    return count;
}

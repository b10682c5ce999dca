/* The per-glyph and per-text-object PDFium calls of the PDF reader, looped in C.
 *
 * Reading a page's glyphs takes two PDFium calls a glyph and four a text object; through
 * ctypes each costs far more than PDFium's own work. These loops make the same calls, in
 * native code, and write the results into buffers the caller reads as columns. PDFium's
 * functions are passed in as pointers (the ones pypdfium2 has loaded), so this library links
 * against nothing. It is optional: without it the reader makes the calls through ctypes, with
 * the same results (rectpipe/readers/pdf/native.py).
 */

typedef void *(*text_object_fn)(void *textpage, int index);
typedef int (*loose_box_fn)(void *textpage, int index, float *rect);
typedef double (*font_size_fn)(void *textpage, int index);
typedef float (*angle_fn)(void *textpage, int index);
typedef int (*map_error_fn)(void *textpage, int index);
typedef void *(*object_font_fn)(void *text_object);

/* For each of the n glyphs at indices[k]: its text object (objects[k]), and its loose box
 * written to boxes[4k .. 4k+3] (left, top, right, bottom, as FS_RECTF) with done[k] the call's
 * result. A box that is not read leaves its four floats as they were. */
void rectpipe_glyphs(text_object_fn text_object, loose_box_fn loose_box, void *textpage,
                     const int *indices, int n, void **objects, float *boxes, int *done) {
    for (int k = 0; k < n; k++) {
        objects[k] = text_object(textpage, indices[k]);
        done[k] = loose_box(textpage, indices[k], boxes + 4 * k);
    }
}

/* For each of the n text objects objects[k] whose first glyph is at firsts[k]: that glyph's
 * font size, angle and Unicode map error, and the object's font (NULL for no object). */
void rectpipe_objects(font_size_fn font_size, angle_fn angle, map_error_fn map_error,
                      object_font_fn object_font, void *textpage, const int *firsts,
                      void *const *objects, int n, double *sizes, float *angles, int *errors,
                      void **fonts) {
    for (int k = 0; k < n; k++) {
        sizes[k] = font_size(textpage, firsts[k]);
        angles[k] = angle(textpage, firsts[k]);
        errors[k] = map_error(textpage, firsts[k]);
        fonts[k] = objects[k] ? object_font(objects[k]) : 0;
    }
}

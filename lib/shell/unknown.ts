/** Marks the part of a word (or of inline code) that comes from an expansion warden cannot resolve. */
export const UNKNOWN = '\u0000';

// Words that hide their real spelling (issue 8, hostile input): a program name with a zero-width or
// bidi control character in it (`r\u200bm`), a compatibility form (fullwidth `ｒｍ`, `𝐫𝐦`), or
// letters from another script that look like Latin ones (Cyrillic `rм`, Greek `ρ`). A shell runs
// none of them as `rm`, but a file can be given any such name (`ln -s /bin/rm ./r\u200bm`), and
// a person reviewing the command reads them as the Latin word. The analysis judges the word as the
// Latin word it looks like (normalized) and records that it had to: that is itself a finding.
//
// Trust model: the input is hostile. Only words that contain a non-ASCII character are looked at
// (one regex test per word on the benign path). The look-alike map is small and on purpose: it
// covers the letters that pass for Latin ones in common fonts, and applies only when the whole word
// becomes ASCII through it, so a program really named in Cyrillic or Greek stays itself.

/** Invisible characters: format controls (zero-width, joiners, bidi embeddings and isolates, BOM,
 * soft hyphen), the combining grapheme joiner, variation selectors and the Hangul fillers. */
const INVISIBLE = /\p{Cf}|\p{Variation_Selector}|\u034f|[\u115f\u1160\u3164\uffa0]/gu;
const HAS_INVISIBLE = /\p{Cf}|\p{Variation_Selector}|\u034f|[\u115f\u1160\u3164\uffa0]/u;
const NON_ASCII = /[\u0080-\u{10ffff}]/u;
const BLANK = /\s/;

/**
 * Letters (and dashes) of other scripts that pass for ASCII ones. Fullwidth and mathematical
 * forms, ligatures and roman numerals need no entry: NFKC folds them first.
 */
// Built on first use: only words with a non-ASCII character need it, and its ~120 keys cost every
// hook process ~0.5 ms to build (npm run bench).
let lookAlikes: Readonly<Record<string, string>> | undefined;
const LOOK_ALIKES = (): Readonly<Record<string, string>> =>
  (lookAlikes ??= {
    // Cyrillic
    а: 'a', в: 'b', е: 'e', ё: 'e', к: 'k', м: 'm', н: 'h', о: 'o', р: 'p', с: 'c', т: 't', у: 'y', х: 'x', ь: 'b',
    і: 'i', ї: 'i', ј: 'j', ѕ: 's', һ: 'h', ԁ: 'd', ԛ: 'q', ԝ: 'w', ӏ: 'l', ү: 'y', ѵ: 'v',
    А: 'A', В: 'B', Е: 'E', К: 'K', М: 'M', Н: 'H', О: 'O', Р: 'P', С: 'C', Т: 'T', Х: 'X', У: 'Y', І: 'I', Ј: 'J', Ѕ: 'S',
    Ԛ: 'Q', Ԝ: 'W', Ӏ: 'I', Һ: 'H', Ү: 'Y',
    // Greek
    α: 'a', γ: 'y', ε: 'e', η: 'n', ι: 'i', κ: 'k', ν: 'v', ο: 'o', ρ: 'p', τ: 't', υ: 'u', χ: 'x', ω: 'w', ϲ: 'c', ϳ: 'j',
    Α: 'A', Β: 'B', Ε: 'E', Ζ: 'Z', Η: 'H', Ι: 'I', Κ: 'K', Μ: 'M', Ν: 'N', Ο: 'O', Ρ: 'P', Τ: 'T', Υ: 'Y', Χ: 'X', Ϲ: 'C',
    // Armenian, and Latin letters that are not ASCII
    օ: 'o', ս: 'u', հ: 'h', ո: 'n', ı: 'i', ȷ: 'j', ɑ: 'a', ɡ: 'g', ɩ: 'i', ǀ: 'l',
    // Dashes and minus signs that pass for a hyphen-minus (NFKC keeps them)
    '\u2010': '-', '\u2011': '-', '\u2012': '-', '\u2013': '-', '\u2014': '-', '\u2015': '-', '\u2043': '-', '\u2212': '-',
  });

/** How a word was disguised, and what it is read as. */
export interface Disguise {
  /** The word as written (resolved). */
  word: string;
  /** The word as the analysis reads it. */
  as: string;
  /** It held invisible characters (zero-width, bidi controls, …). */
  invisible: boolean;
}

/**
 * Longer words are not read: no path is longer than PATH_MAX (4096 bytes), so no such program can
 * run, and folding a megabyte of hostile text would cost more than it could find.
 */
const MAX_WORD = 4096;

/** The word as it would read without disguise, or undefined when there is nothing to undo. */
export function undisguise(word: string): Disguise | undefined {
  if (word.length > MAX_WORD || !NON_ASCII.test(word)) return undefined;
  const invisible = HAS_INVISIBLE.test(word);
  const folded = (invisible ? word.replace(INVISIBLE, '') : word).normalize('NFKC');
  let mapped = '';
  const table = LOOK_ALIKES();
  for (const c of folded) mapped += table[c] ?? c;
  const as = NON_ASCII.test(mapped) ? folded : mapped;
  return as === word ? undefined : { word, as, invisible };
}

/** A program word read without disguise: blanks a folded form introduced split it into words. */
export function programWords(d: Disguise): string[] {
  return BLANK.test(d.as) ? d.as.split(/\s+/).filter((w) => w !== '') : [d.as];
}

/** A disguised flag: undisguised, it is an option (`-\u200brf`, `－rf`, `–force`). */
export function disguisedFlag(word: string): Disguise | undefined {
  const d = undisguise(word);
  return d !== undefined && d.as.startsWith('-') && !BLANK.test(d.as) ? d : undefined;
}

/** A word for messages (after `display`): every character outside printable ASCII but `…` written as its code point. */
export function visible(word: string): string {
  return word.replace(/[^\x20-\x7e\u2026]/gu, (c) => `\\u{${(c.codePointAt(0) ?? 0).toString(16)}}`);
}

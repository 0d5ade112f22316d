/**
 * Checks that a story keeps every word of the article's body, in order, with nothing added, by
 * walking the PDF extraction line by line. Letters are compared, not spacing or punctuation, so
 * repairs of the extraction (split words, missing hyphens) pass and any lost, reordered or added
 * words do not. Each line of the source must be the next stretch of the story's body, part of a
 * surviving note, part of a section title, or a bare number (page number or lost note).
 * Numbers of three digits or more (years, figures) must also appear where the line's text is.
 */

export interface SourceComparison {
  problems: string[];
  counts: { bodyLines: number; noteLines: number; titleLines: number; numberLines: number };
}

const LETTER = /\p{L}/u;
const BIG_NUMBER = /\d{3,}/g;

export function compareWithSource(
  source: string,
  body: string,
  notes: string[],
  titles: string[],
): SourceComparison {
  const problems: string[] = [];
  const counts = { bodyLines: 0, noteLines: 0, titleLines: 0, numberLines: 0 };
  const { letters: bodyLetters, positions } = letterIndex(body);
  const noteLetters = letters(notes.join(' '));
  const titleLetters = letters(titles.join(' '));
  let at = 0;

  source.split(/\r?\n/).forEach((line, i) => {
    const lineLetters = letters(line);
    if (!lineLetters) {
      if (line.trim() && !/^\s*\d+\s*$/.test(line))
        problems.push(`source line ${i + 1}: unexpected "${line}"`);
      else if (line.trim()) counts.numberLines++;
      return;
    }
    if (bodyLetters.startsWith(lineLetters, at)) {
      const start = at === 0 ? 0 : positions[at - 1]! + 1;
      at += lineLetters.length;
      const end = at < positions.length ? positions[at]! : body.length;
      const span = body.slice(start, end);
      for (const number of line.match(BIG_NUMBER) ?? []) {
        if (!span.includes(number))
          problems.push(
            `source line ${i + 1}: the number ${number} is missing near "${span.slice(0, 60)}"`,
          );
      }
      counts.bodyLines++;
    } else if (noteLetters.includes(lineLetters)) {
      counts.noteLines++;
    } else if (titleLetters.includes(lineLetters)) {
      counts.titleLines++;
    } else {
      problems.push(
        `source line ${i + 1} is not in the story where expected: "${line.trim()}"` +
          ` (the story continues "${body.slice(positions[at] ?? body.length, (positions[at] ?? body.length) + 60)}")`,
      );
    }
  });
  if (at < bodyLetters.length) {
    const from = positions[at]!;
    problems.push(`the story has text that is not in the source: "${body.slice(from, from + 80)}"`);
  }
  return { problems, counts };
}

function letters(text: string): string {
  return [...text].filter((c) => LETTER.test(c)).join('');
}

/** The letters of a text, with each letter's index in the text. */
function letterIndex(text: string): { letters: string; positions: number[] } {
  let out = '';
  const positions: number[] = [];
  for (let i = 0; i < text.length; i++) {
    if (LETTER.test(text[i]!)) {
      out += text[i];
      positions.push(i);
    }
  }
  return { letters: out, positions };
}

/**
 * Reads the story's Markdown content files into raw records, keeping line numbers for error
 * messages. Only the tiny subset the content uses is understood: front matter, `## step: id`
 * headers followed by `key: value` lines, paragraphs separated by blank lines, and `[^N]` marks.
 */
import type { Inline } from './types.ts';

export interface Field {
  value: string;
  line: number;
}

export interface RawStep {
  id: string;
  line: number;
  fields: Record<string, Field>;
  paragraphs: Inline[][];
}

export interface RawSection {
  file: string;
  fields: Record<string, Field>;
  steps: RawStep[];
}

export interface RawNotes {
  file: string;
  count: Field | undefined;
  texts: { number: number; text: string; line: number }[];
}

/** A content error that names the file, the line and, where there is one, the step. */
export class ContentError extends Error {
  constructor(readonly problems: string[]) {
    super(`The story content is invalid:\n  ${problems.join('\n  ')}`);
    this.name = 'ContentError';
  }
}

const STEP_HEADER = /^##\s+step:\s*(.*)$/;
const FIELD = /^([a-z][a-z-]*):\s*(.*)$/;
const NOTE_MARK = /\[\^(\d+)\]/g;

export function parseSection(file: string, source: string): RawSection {
  const problems: string[] = [];
  const lines = source.replace(/\r\n?/g, '\n').split('\n');
  const { fields, next } = readFrontMatter(file, lines, problems);
  const steps: RawStep[] = [];
  let step: RawStep | undefined;
  let inHeader = false;
  let block: string[] = [];

  const flush = () => {
    if (block.length === 0) return;
    if (step) step.paragraphs.push(parseInline(block.join(' ')));
    block = [];
  };

  for (let i = next; i < lines.length; i++) {
    const line = lines[i]!.trim();
    const lineNo = i + 1;
    const header = STEP_HEADER.exec(line);
    if (header) {
      flush();
      step = { id: header[1]!.trim(), line: lineNo, fields: {}, paragraphs: [] };
      steps.push(step);
      inHeader = true;
      continue;
    }
    if (line === '') {
      inHeader = false;
      flush();
      continue;
    }
    if (inHeader && step) {
      const field = FIELD.exec(line);
      if (!field) {
        problems.push(`${file}:${lineNo}: step "${step.id}": expected "key: value", got "${line}"`);
      } else if (step.fields[field[1]!]) {
        problems.push(`${file}:${lineNo}: step "${step.id}": "${field[1]}" is given twice`);
      } else {
        step.fields[field[1]!] = { value: field[2]!.trim(), line: lineNo };
      }
      continue;
    }
    if (!step) {
      problems.push(`${file}:${lineNo}: text before the first "## step:" header`);
      continue;
    }
    block.push(line);
  }
  flush();
  if (problems.length) throw new ContentError(problems);
  return { file, fields, steps };
}

export function parseNotes(file: string, source: string): RawNotes {
  const problems: string[] = [];
  const lines = source.replace(/\r\n?/g, '\n').split('\n');
  const { fields, next } = readFrontMatter(file, lines, problems);
  const texts: RawNotes['texts'] = [];
  let current: RawNotes['texts'][number] | undefined;
  for (let i = next; i < lines.length; i++) {
    const line = lines[i]!.trim();
    const start = /^\[\^(\d+)\]:\s*(.*)$/.exec(line);
    if (start) {
      current = { number: Number(start[1]), text: start[2]!, line: i + 1 };
      texts.push(current);
    } else if (line === '') {
      current = undefined;
    } else if (current) {
      current.text += ` ${line}`;
    } else {
      problems.push(`${file}:${i + 1}: expected a note "[^N]: text", got "${line}"`);
    }
  }
  if (problems.length) throw new ContentError(problems);
  return { file, count: fields.count, texts };
}

/** Splits a paragraph into text runs and note marks. */
export function parseInline(text: string): Inline[] {
  const out: Inline[] = [];
  let last = 0;
  for (const match of text.matchAll(NOTE_MARK)) {
    if (match.index > last) out.push(text.slice(last, match.index));
    out.push({ note: Number(match[1]) });
    last = match.index + match[0].length;
  }
  if (last < text.length) out.push(text.slice(last));
  return out;
}

function readFrontMatter(
  file: string,
  lines: string[],
  problems: string[],
): { fields: Record<string, Field>; next: number } {
  const fields: Record<string, Field> = {};
  if (lines[0]?.trim() !== '---') {
    problems.push(`${file}:1: the file must start with front matter between "---" lines`);
    return { fields, next: 0 };
  }
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (line === '---') return { fields, next: i + 1 };
    const field = FIELD.exec(line);
    if (field) fields[field[1]!] = { value: field[2]!.trim(), line: i + 1 };
    else if (line) problems.push(`${file}:${i + 1}: expected "key: value" in front matter`);
  }
  problems.push(`${file}: the front matter is not closed with "---"`);
  return { fields, next: lines.length };
}

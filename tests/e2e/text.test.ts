import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { compareWithSource } from '../lib/text-compare.ts';
import { useChromium, type StoryPage } from './story-page.ts';

const chromium = useChromium();

const source = readFileSync('tests/fixtures/article-extraction.txt', 'utf8');

describe('the article as the reader sees it', () => {
  let reader: StoryPage;
  beforeAll(async () => {
    reader = await chromium.share({ waitForReady: false });
  });

  it('keeps every word of the body and of the surviving notes, in order', async () => {
    const page = await reader.page.evaluate(() => {
      const textWithout = (element: Element, selector: string) => {
        const copy = element.cloneNode(true) as Element;
        copy.querySelectorAll(selector).forEach((node) => node.remove());
        return copy.textContent ?? '';
      };
      return {
        body: [...document.querySelectorAll('[data-step-id]')]
          .map((step) => textWithout(step, '.note-mark'))
          .join('\n'),
        notes: [...document.querySelectorAll('.notes li:not(.missing)')].map((note) =>
          textWithout(note, 'a'),
        ),
        titles: [...document.querySelectorAll('main .section > h2')].map(
          (h) => h.textContent ?? '',
        ),
      };
    });
    const result = compareWithSource(source, page.body, page.notes, page.titles);
    expect(result.problems).toEqual([]);
    expect(result.counts.bodyLines).toBeGreaterThan(1000);
    expect(page.notes).toHaveLength(18);
  });

  it('links all 77 note marks to their notes, and says which notes lost their text', async () => {
    const notes = await reader.page.evaluate(() => ({
      marks: [...document.querySelectorAll<HTMLAnchorElement>('a.note-mark')].map((a) =>
        a.getAttribute('href'),
      ),
      items: [...document.querySelectorAll('.notes li')].map((li) => ({
        id: li.id,
        missing: li.classList.contains('missing'),
        text: li.textContent ?? '',
      })),
    }));
    expect(notes.marks).toEqual(Array.from({ length: 77 }, (_, i) => `#note-${i + 1}`));
    expect(notes.items.map((item) => item.id)).toEqual(
      Array.from({ length: 77 }, (_, i) => `note-${i + 1}`),
    );
    const kept = notes.items
      .filter((item) => !item.missing)
      .map((item) => Number(item.id.slice(5)));
    expect(kept).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 58, 59, 72]);
    for (const item of notes.items.filter((i) => i.missing))
      expect(item.text).toContain('not in this edition');
  });

  it('opens a note beside its mark without moving the reader, and closes it with Escape', async () => {
    const { page } = reader;
    const mark = page.locator('a.note-mark[href="#note-8"]');
    await mark.scrollIntoViewIfNeeded();
    const scrollBefore = await page.evaluate(() => window.scrollY);
    await mark.click();
    const popover = page.locator('.note-popover');
    await expect(popover.isVisible()).resolves.toBe(true);
    await expect(popover.textContent()).resolves.toContain(
      'Cable, CCP Central Military Commission to Lin Biao',
    );
    expect(await page.evaluate(() => window.scrollY)).toBe(scrollBefore);
    await page.keyboard.press('Escape');
    await expect(popover.isVisible()).resolves.toBe(false);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('href'))).toBe('#note-8');

    await page.locator('a.note-mark[href="#note-20"]').click();
    await expect(popover.textContent()).resolves.toContain('not in this edition');
    await page.keyboard.press('Escape');
  });
});

import { describe, expect, it } from 'vitest';
import { readTabTable } from './tab-table.reader.ts';

describe('readTabTable', () => {
  it('reads paragraphs, and tab-prefixed lines as cells of rows separated by blank lines', () => {
    const doc = readTabTable('标题\n\t序号\n\t重点工作\n\n\t1\n\t 文本 \n\t\n\t单位\r\n\r\n尾\n');
    expect(doc.blocks).toEqual([
      { kind: 'paragraph', text: '标题', line: 1 },
      { kind: 'row', cells: ['序号', '重点工作'], line: 2, cellLines: [2, 3] },
      { kind: 'row', cells: ['1', '文本', '单位'], line: 5, cellLines: [5, 6, 8] },
      { kind: 'paragraph', text: '尾', line: 10 },
    ]);
  });

  it('reads a spreadsheet row (tabs inside one line) as a row of its own', () => {
    expect(readTabTable('1\t做好公开。\t市政府办公室').blocks).toEqual([
      { kind: 'row', cells: ['1', '做好公开。', '市政府办公室'], line: 1, cellLines: [1, 1, 1] },
    ]);
  });

  it('drops rows of empty cells', () => {
    expect(readTabTable('\t\n\t \n\n').blocks).toEqual([]);
  });
});

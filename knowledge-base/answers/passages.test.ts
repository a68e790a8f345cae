/** The passage index is built once per article content: a second runtime of the same pages shares the work. */
import { ArticleIndex, type KbArticle } from '../search.js';
import { passagesOf } from './passages.js';

const article = (id: string, body: string): KbArticle => ({
  id,
  service: 'waste.bulky',
  title: `Article ${id}`,
  url: `https://example.org/${id}`,
  summary: 'What the article is about, in a sentence or two.',
  body,
  keywords: ['bulky'],
  questions: [],
});

test('indexes of the same articles share their passages; each index keeps an object of its own', () => {
  const articles = [article('a', '## On the day\n\nPut the items outside by 7am.'), article('b', '## Cost\n\nIt costs £25 for up to 3 items.')];
  const first = passagesOf(new ArticleIndex(articles));
  const again = passagesOf(new ArticleIndex(structuredClone(articles)));
  expect(again).not.toBe(first);
  expect(again.passages).toBe(first.passages);
  expect(again.search('how much does it cost')[0].passage.id).toBe('b#cost');
  const other = passagesOf(new ArticleIndex([article('a', '## On the day\n\nPut the items outside by 6am.')]));
  expect(other.passages).not.toBe(first.passages);
  expect(other.passages.map((p) => p.text)).toContain('Put the items outside by 6am.');
});

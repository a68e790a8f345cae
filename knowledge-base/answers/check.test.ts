/** Redaction before the prompt, and the sentence-by-sentence check after generation. */
import { ArticleIndex } from '../search.js';
import { checkAnswer, passagesOf, redactPersonal, splitSentences } from '../index.js';

test('personal data is replaced by labels', () => {
  const out = redactPersonal('my name is jo bloggs and I live at flat 2, 14 Mill Lane, MB1 1AD. Call 07700 900123 or +44 1632 960100, jo@example.com, about MBC-123456');
  for (const gone of ['jo bloggs', 'Mill Lane', 'MB1 1AD', '07700', '1632 960100', 'jo@example.com', 'MBC-123456']) expect(out).not.toContain(gone);
  expect(out).toMatch(/my name is \[name\] and I live at \[address\], \[postcode\]\. Call \[phone\] or \[phone\], \[email\], about \[reference\]/);
  // Ordinary questions are left alone.
  expect(redactPersonal('how much is a wasp nest, is it £65?')).toBe('how much is a wasp nest, is it £65?');
});

const index = passagesOf(
  new ArticleIndex([
    {
      id: 'spd',
      service: 'council_tax.discount',
      title: 'Single person discount',
      url: 'https://example.gov.uk/spd',
      summary: 'If you are the only adult living in your home, you get 25% off your council tax.',
      body: '## If things change\n\nTell us within 21 days if another adult moves in, or you may pay a £70 penalty.',
      keywords: [],
      questions: [],
    },
  ]),
);

test('sentences keep their citations, wherever the marker sits', () => {
  expect(splitSentences('You get 25% off [1]. Tell us within 21 days. [2] Done [1, 2].')).toEqual([
    { text: 'You get 25% off.', cites: [1] },
    { text: 'Tell us within 21 days.', cites: [2] },
    { text: 'Done.', cites: [1, 2] },
  ]);
});

test('a sentence is kept only when what it cites carries its numbers, names and words', () => {
  const [summary, change] = index.passages;
  const result = checkAnswer(
    'You get 25% off your council tax if you are the only adult [1]. Tell us within 21 days if another adult moves in [2]. The penalty is £90 [2]. You get 25% off [3]. Merebrook Zoo gives a discount [1]. You may pay a penalty.',
    [summary, change],
  );
  expect(result.sentences.map((s) => [s.supported, s.reason])).toEqual([
    [true, undefined],
    [true, undefined],
    [false, 'missing_key_content'],
    [false, 'unknown_passage'],
    [false, 'missing_key_content'],
    [false, 'no_citation'],
  ]);
});

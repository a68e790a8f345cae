import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadContentPack } from '../bot/content-pack/index.js';
import { evaluateRetrieval, evaluateTypeahead, keystrokePrefixes, percentile } from './eval.js';
import { ArticleIndex, type KbArticle } from './search.js';
import { Typeahead } from './typeahead.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const pack = loadContentPack(path.join(repoRoot, 'content', 'demo'));

function article(id: string, over: Partial<KbArticle> = {}): KbArticle {
  return {
    id,
    service: 'waste.bulky_collection',
    title: 'Book a bulky waste collection',
    url: `https://example.gov.uk/${id}`,
    summary: 'We collect sofas, mattresses and fridges for a fee.',
    body: 'Book online or by phone. Collections are within ten working days.',
    keywords: ['bulky waste', 'sofa'],
    questions: ['how do i get rid of an old sofa'],
    ...over,
  };
}

describe('typeahead speed', () => {
  it('answers each keystroke well under 50 ms, typing every article question prefix by prefix', () => {
    const typeahead = new Typeahead(pack.articles, ['Report a missed bin', 'Pay council tax']);
    // Every other question keeps the test quick while still timing thousands of keystrokes.
    const questions = pack.articles.flatMap((a) => a.questions).filter((_, i) => i % 2 === 0);
    const report = evaluateTypeahead(typeahead, questions);
    expect(report.keystrokes).toBeGreaterThan(2000);
    expect(report.p99Ms).toBeLessThan(50);
    expect(report.meanMs).toBeLessThan(50);
  });

  it('types one keystroke at a time', () => {
    expect(keystrokePrefixes('bin')).toEqual(['b', 'bi', 'bin']);
  });
});

describe('"Was this useful?" feedback', () => {
  it('drops an article residents keep calling not useful below an equally matching one', () => {
    // Same words, so only the feedback prior can separate them; the id tie-break favours "a-".
    const index = new ArticleIndex([article('a-sofa'), article('b-sofa')]);
    expect(index.search('get rid of my sofa').map((h) => h.article.id)).toEqual(['a-sofa', 'b-sofa']);
    for (let i = 0; i < 20; i++) index.recordFeedback('a-sofa', false);
    expect(index.search('get rid of my sofa').map((h) => h.article.id)).toEqual(['b-sofa', 'a-sofa']);
  });

  it('lifts an article residents found useful above an equally matching one', () => {
    const index = new ArticleIndex([article('a-sofa'), article('b-sofa')]);
    index.setFeedback(new Map([['b-sofa', { useful: 15, notUseful: 1 }]]));
    expect(index.search('sofa collection')[0].article.id).toBe('b-sofa');
  });
});

describe('retrieval of paraphrases (search alone, demo articles)', () => {
  const index = new ArticleIndex(pack.articles);
  // Written for this test, in residents' words rather than the articles'.
  const paraphrases = [
    { text: 'which day do the binmen come down my road', service: 'waste.bin_day' },
    { text: 'need to get rid of an old settee and a fridge', service: 'waste.bulky_collection' },
    { text: 'someone has left a load of rubbish bags in the lane behind us', service: 'street.fly_tipping' },
    { text: 'the lamppost outside number 4 keeps flickering', service: 'highways.street_lighting' },
    { text: 'theres a massive hole in the road by the school', service: 'highways.pothole' },
    { text: 'how do I set up a direct debit for my ctax', service: 'council_tax.pay' },
    { text: 'I live on my own, do I get money off my council tax', service: 'council_tax.discount' },
    { text: 'black mould all over the bedroom wall in my council flat', service: 'housing.repair' },
    { text: 'how do I book an appointment to register my baby', service: 'registrars.birth' },
    { text: 'got a parking ticket and I think it is unfair', service: 'parking.pcn' },
  ];

  it('finds an article of the right service in the top three for each', () => {
    const report = evaluateRetrieval((text) => index.search(text, { limit: 10 }).map((h) => h.article), paraphrases);
    expect(report.misses).toEqual([]);
    expect(report.recallAt3).toBe(1);
  });

  it('lets the recogniser\'s service belief decide between close articles', () => {
    const text = 'how much does it cost';
    const services = new Map([['environment.pest_control', 0.9]]);
    expect(index.search(text, { services, limit: 1 })[0].article.service).toBe('environment.pest_control');
  });
});

describe('percentile', () => {
  it('reads the nearest rank', () => {
    expect(percentile([5, 1, 3, 2, 4], 50)).toBe(3);
    expect(percentile([1, 2, 3, 4, 100], 99)).toBe(100);
    expect(percentile([], 99)).toBe(0);
  });
});

import { answerFromNumber, countSegments, isGsm7, renderSms, toGsmFriendly } from './sms-render.js';

describe('segment counting', () => {
  test('GSM-7: 160 in one segment, 153 per segment beyond', () => {
    expect(countSegments('a'.repeat(160))).toEqual({ encoding: 'GSM-7', units: 160, segments: 1 });
    expect(countSegments('a'.repeat(161))).toEqual({ encoding: 'GSM-7', units: 161, segments: 2 });
    expect(countSegments('a'.repeat(306)).segments).toBe(2);
    expect(countSegments('a'.repeat(307)).segments).toBe(3);
    expect(countSegments('').segments).toBe(1);
  });
  test('GSM-7 extension characters take two septets; £ and é are basic', () => {
    expect(countSegments('€[]').units).toBe(6);
    expect(countSegments('£5 café').encoding).toBe('GSM-7');
    expect(countSegments('{'.repeat(80)).segments).toBe(1);
    expect(countSegments('{'.repeat(81)).segments).toBe(2);
  });
  test('one non-GSM character makes the whole message UCS-2: 70, then 67 per segment', () => {
    expect(countSegments(`${'a'.repeat(69)}ł`)).toEqual({ encoding: 'UCS-2', units: 70, segments: 1 });
    expect(countSegments(`${'a'.repeat(70)}ł`).segments).toBe(2);
    expect(countSegments(`${'a'.repeat(133)}ł`).segments).toBe(2);
    expect(countSegments(`${'a'.repeat(134)}ł`).segments).toBe(3);
    // An emoji is two UTF-16 units.
    expect(countSegments('🙂').units).toBe(2);
  });
  test('curly quotes, dashes and ellipsis fold to GSM; other characters stay', () => {
    const folded = toGsmFriendly('It’s “open” – Monday…Friday\u00a0now');
    expect(folded).toBe('It\'s "open" - Monday...Friday now');
    expect(isGsm7(folded)).toBe(true);
    expect(isGsm7(toGsmFriendly('Zażółć'))).toBe(false);
  });
});

describe('renderSms', () => {
  test('suggestions become a numbered list and a number maps back to the value', () => {
    const r = renderSms({ text: 'Did you mean one of these?', askFor: 'choice', suggestions: [
      { label: 'Missed bin', value: 'Report a missed bin' },
      { label: 'Bin day', value: 'When is my bin day?' },
      { label: 'Talk to a person', value: 'Talk to a person' },
    ] });
    expect(r.body).toBe('Did you mean one of these?\nReply 1 for Missed bin, 2 for Bin day or 3 for Talk to a person.');
    expect(answerFromNumber('2', r.options)).toBe('When is my bin day?');
    expect(answerFromNumber(' 3. ', r.options)).toBe('Talk to a person');
    expect(answerFromNumber('7', r.options)).toBeNull();
    expect(answerFromNumber('2 bins', r.options)).toBeNull();
  });
  test('addresses are listed one to a line', () => {
    const r = renderSms({ text: 'Which one?', askFor: 'choice', suggestions: [
      { label: '1 High Street, Merebrook', value: '1 High Street, Merebrook, MB1 1AD' },
      { label: '2 High Street, Merebrook', value: '2 High Street, Merebrook, MB1 1AD' },
    ] });
    expect(r.body).toBe('Which one?\nReply with a number:\n1) 1 High Street, Merebrook\n2) 2 High Street, Merebrook');
  });
  test('not numbered when asked not to, nor where typed input is expected; keywords are never suggested', () => {
    expect(renderSms({ text: 'Read this', suggestions: [{ label: 'A', value: 'Bins' }] }, { numbered: false })).toMatchObject({ body: 'Read this\nRelated: Bins', options: [] });
    const r = renderSms({ text: 'Which date?', askFor: 'date', suggestions: [{ label: 'Skip this question', value: 'Skip' }, { label: 'Cancel', value: 'Cancel' }] });
    expect(r.body).toBe('Which date?\nOr reply: Skip');
  });
  test('a card becomes title, body and URL; speech is ignored', () => {
    const r = renderSms({
      text: 'Bins are emptied weekly.',
      speech: 'Bins are emptied every week, say more',
      card: { title: 'Bin collections', body: 'Bins are emptied weekly.', link: { label: 'Bins on our site', url: 'https://www.merebrook.gov.uk/bins' } },
    });
    expect(r.body).toBe('Bin collections\nBins are emptied weekly.\nhttps://www.merebrook.gov.uk/bins');
    expect(r.segments).toBe(1);
  });
  test('a long answer is trimmed to a summary plus a link, within three segments', () => {
    const long = Array.from({ length: 30 }, (_, i) => `Sentence number ${i + 1} explains one more detail of the service.`).join(' ');
    const r = renderSms({ text: long, card: { title: 'Council tax', body: long, link: { label: 'More', url: 'https://www.merebrook.gov.uk/ctax' } } });
    expect(r.trimmed).toBe(true);
    expect(r.segments).toBeLessThanOrEqual(3);
    expect(r.body.startsWith('Council tax\nSentence number 1 explains')).toBe(true);
    expect(r.body.endsWith('\nhttps://www.merebrook.gov.uk/ctax')).toBe(true);
    expect(r.body).toMatch(/service\.\nhttps/); // cut at a sentence
    // Without a link of its own, the council's site is where the rest is.
    const agent = renderSms({ text: long }, { fallbackUrl: 'https://www.merebrook.gov.uk' });
    expect(agent.body.endsWith('More: https://www.merebrook.gov.uk')).toBe(true);
    expect(agent.segments).toBeLessThanOrEqual(3);
  });
  test('UCS-2 text is trimmed to the UCS-2 budget', () => {
    const r = renderSms({ text: `Zażółć gęślą jaźń. ${'Więcej słów tutaj. '.repeat(20)}`, link: { label: 'More', url: 'https://x.gov.uk/a' } });
    expect(r.encoding).toBe('UCS-2');
    expect(r.segments).toBeLessThanOrEqual(3);
    expect(r.body).toContain('https://x.gov.uk/a');
  });
});

describe('Welsh replies on SMS', () => {
  test('accented Welsh letters (ŵ, ŷ, â, ô) force UCS-2: 70 in one text, 67 per part', () => {
    for (const letter of ['ŵ', 'ŷ', 'â', 'ô']) {
      expect(isGsm7(toGsmFriendly(letter))).toBe(false);
      expect(countSegments(`${'a'.repeat(69)}${letter}`)).toEqual({ encoding: 'UCS-2', units: 70, segments: 1 });
      expect(countSegments(`${'a'.repeat(70)}${letter}`).segments).toBe(2);
      expect(countSegments(`${'a'.repeat(200)}${letter}`).segments).toBe(3);
      expect(countSegments(`${'a'.repeat(201)}${letter}`).segments).toBe(4);
    }
    // Decomposed (w + combining circumflex) counts as the one letter it is once folded.
    expect(countSegments(toGsmFriendly(`${'a'.repeat(69)}w\u0302`)).units).toBe(70);
  });

  test('a long Welsh reply is cut with "Rhagor:" and the link; an English one with "More:"', () => {
    const long = Array.from({ length: 20 }, (_, i) => `Brawddeg rhif ${i + 1} am y gwasanaeth a'r tŷ.`).join(' ');
    const welsh = renderSms({ text: long, language: 'cy' }, { fallbackUrl: 'https://www.merebrook.gov.uk/cy' });
    expect(welsh.trimmed).toBe(true);
    expect(welsh.encoding).toBe('UCS-2');
    expect(welsh.segments).toBeLessThanOrEqual(3);
    expect(welsh.body.endsWith('\nRhagor: https://www.merebrook.gov.uk/cy')).toBe(true);
    expect(welsh.body).not.toMatch(/More:/);
    const english = renderSms({ text: long, language: 'en' }, { fallbackUrl: 'https://www.merebrook.gov.uk' });
    expect(english.body.endsWith('\nMore: https://www.merebrook.gov.uk')).toBe(true);
  });

  test("the Welsh missed-bin intro and its first question go whole, in four UCS-2 parts, not cut mid-question", () => {
    const text =
      'Gallaf roi gwybod am fin heb ei gasglu ar eich rhan. Mae\'n cymryd tua munud. Atebwch "yn ôl" i newid ateb, neu "canslo adroddiad" i stopio.\n\n' +
      "Beth yw'r cyfeiriad? Atebwch gyda'r cod post neu'r cyfeiriad stryd.";
    const r = renderSms({ text, askFor: 'address', language: 'cy' }, { fallbackUrl: 'https://www.merebrook.gov.uk/cy' });
    expect(r.trimmed).toBe(false);
    expect(r.body).toBe(text);
    expect(r).toMatchObject({ encoding: 'UCS-2', segments: 4 });
    // The same words as an answer (no question asked) are still cut to three parts.
    const answer = renderSms({ text, language: 'cy' }, { fallbackUrl: 'https://www.merebrook.gov.uk/cy' });
    expect(answer.trimmed).toBe(true);
    expect(answer.segments).toBeLessThanOrEqual(3);
  });
});

describe('phone numbers on SMS', () => {
  test('numbers stay plain digits: no tel: or sms: markup reaches the phone', () => {
    const r = renderSms({ text: 'Call the National Gas Emergency Service on [0800 111 999](tel:+44800111999), or text SHOUT to [85258](sms:85258). In danger, call <a href="tel:999">999</a>.' });
    expect(r.body).toBe('Call the National Gas Emergency Service on 0800 111 999, or text SHOUT to 85258. In danger, call 999.');
    expect(r.body).not.toMatch(/tel:|sms:|[[\]<>]/);
  });

  test('a long answer is never cut through a phone number', () => {
    // Three GSM segments hold 459 characters: put each number across that edge, one position at a time.
    for (let at = 430; at < 470; at++) {
      for (const number of ['0808 2000 247', '116 123', '01632 960 200']) {
        const lead = 'Our teams can help with every kind of question about the service ';
        const text = `${lead.repeat(10).slice(0, at - 12)} call us on ${number} at any time of the day or night and talk it through with someone`;
        expect(text.indexOf(number)).toBe(at);
        const r = renderSms({ text });
        expect(r.trimmed).toBe(true);
        expect(r.segments).toBeLessThanOrEqual(3);
        // Either the whole number is there, or none of it.
        const digits = number.replace(/ /g, '');
        const shown = r.body.replace(/[^\d]/g, '');
        expect([number, at, shown === '' || shown === digits]).toEqual([number, at, true]);
      }
    }
  });
});

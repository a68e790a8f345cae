import { extractEmails, normaliseEmail } from './email.js';

describe('e-mail addresses', () => {
  it('extracts and lower-cases', () => {
    const text = 'email me at Jane.Doe+bins@Example.CO.UK, thanks.';
    const [e] = extractEmails(text);
    expect(e.value).toBe('jane.doe+bins@example.co.uk');
    expect(text.slice(e.start, e.end)).toBe('Jane.Doe+bins@Example.CO.UK');
  });

  it('finds several and ignores things that are not addresses', () => {
    expect(extractEmails('a@b.com and c_d@mail.merebrook.gov.uk; not @twitter or me@home').map((e) => e.value))
      .toEqual(['a@b.com', 'c_d@mail.merebrook.gov.uk']);
  });

  it('normalises a single answer', () => {
    expect(normaliseEmail(' Bob@Example.com ')).toBe('bob@example.com');
    expect(normaliseEmail('bob at example dot com')).toBeNull();
  });
});

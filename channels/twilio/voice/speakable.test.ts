import { describe, expect, test } from '@jest/globals';
import { phoneGroups, plainSpeech, renderReplies, speakableText, spellOut, toSegments } from './speakable.js';

/** How numbers are read on the phone: digit by digit, in the groups people say them in, never as amounts. */

const spoken = (text: string) => plainSpeech(renderReplies([{ text }], { offerLink: false }).segments);
const spelled = (text: string) => toSegments(text).filter((s) => s.kind === 'spell').map((s) => s.text);

describe('phone numbers on the phone', () => {
  test('emergency and helpline numbers are read digit by digit in natural groups', () => {
    expect(spoken('Call the National Gas Emergency Service on 0800 111 999.')).toBe('Call the National Gas Emergency Service on 0 8 0 0, 1 1 1, 9 9 9.');
    expect(spoken('If anyone is in danger, call 999 now.')).toBe('If anyone is in danger, call 9 9 9 now.');
    expect(spoken('Call Samaritans free on 116 123, any time.')).toBe('Call Samaritans free on 1 1 6, 1 2 3, any time.');
    expect(spoken('Call NHS 111 and choose option 2.')).toBe('Call NHS 1 1 1 and choose option 2.');
    expect(spoken('The helpline is 0808 2000 247.')).toBe('The helpline is 0 8 0 8, 2 0 0 0, 2 4 7.');
    expect(spoken('Text SHOUT to 85258.')).toBe('Text SHOUT to 8 5 2 5 8.');
  });

  test('a number written without spaces is never read as a large number', () => {
    expect(spoken('Call 0800111999 now.')).toBe('Call 0 8 0 0, 1 1 1, 9 9 9 now.');
    expect(spelled('Our duty mobile is 07700900123.')).toEqual(['0 7 7 0 0, 9 0 0, 1 2 3']);
    expect(spelled('Ring 02079460000 or 01134960000 or 01632960200.')).toEqual(['0 2 0, 7 9 4 6, 0 0 0 0', '0 1 1 3, 4 9 6, 0 0 0 0', '0 1 6 3 2, 9 6 0, 2 0 0']);
    expect(spelled('From abroad, +441632960200.')).toEqual(['plus, 4 4, 1 6 3 2, 9 6 0, 2 0 0']);
    // The bot's own spaced-out form of a number is regrouped, not read as one long run.
    expect(spellOut('0 8 0 0 1 1 1 9 9 9')).toBe('0 8 0 0, 1 1 1, 9 9 9');
    expect(phoneGroups('0800111999')).toEqual(['0800', '111', '999']);
  });

  test('the digits after a number are not read as part of it', () => {
    expect(spoken('Call 0800 111 999 24 hours a day.')).toBe('Call 0 8 0 0, 1 1 1, 9 9 9 24 hours a day.');
  });

  test('references are still spelled in threes; money, addresses and times are left to the voice', () => {
    expect(spellOut('MBC-400081')).toBe('M B C, 4 0 0, 0 8 1');
    expect(spelled('Your reference is MBC-400081.')).toEqual(['M B C, 4 0 0, 0 8 1']);
    expect(spelled('Is it 101 High Street?')).toEqual([]);
    expect(spelled('The charge is £999.50, due at 10:01.')).toEqual([]);
    expect(spelled('There are 111 bins in the street.')).toEqual([]);
    expect(spelled('For a power cut, call 105. To report a crime, call 101.')).toEqual(['1 0 5', '1 0 1']);
  });

  test('a long answer cut to fit the call never ends in half a phone number', () => {
    const filler = 'This part of the answer explains the service in some detail and goes on for a while without a full stop ';
    const text = `${filler}and then says call 0800 111 999 for gas`;
    const cut = speakableText(text, filler.length + 26); // inside "0800 111"
    expect(cut).not.toMatch(/0800/);
    expect(cut.endsWith('...')).toBe(true);
    expect(speakableText(text, text.length + 10)).toMatch(/0800 111 999 for gas\.$/);
  });

  test('a reply with its own speech is read as written, numbers still spelled', () => {
    const p = renderReplies([{ text: 'Call 0800 111 999.', speech: 'Call the gas emergency line on 0800 111 999, or 999 if anyone is hurt.' }], { offerLink: false });
    expect(plainSpeech(p.segments)).toBe('Call the gas emergency line on 0 8 0 0, 1 1 1, 9 9 9, or 9 9 9 if anyone is hurt.');
  });
});

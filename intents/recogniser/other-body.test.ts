/** The "other body" cue: another body named without the council or one of its services. */
import { normaliseTokens } from './normalise.js';
import { namesOtherBody } from './other-body.js';

const cue = (text: string) => namesOtherBody(normaliseTokens(text));

describe('namesOtherBody', () => {
  it('fires on another body, in English and Welsh, whether or not training ever named it', () => {
    expect(cue('pothole on the M5 near junction 23')).toBe(true);
    expect(cue('the DVLA lost my logbook')).toBe(true);
    expect(cue("ges i docyn parcio ym maes parcio'r archfarchnad")).toBe(true);
    expect(cue('my Universal Credit is late')).toBe(true);
    expect(cue("my Carer's Allowance stopped")).toBe(true);
  });

  it('does not fire when the council or one of its services is named too', () => {
    expect(cue('just been awarded PIP, does that change my council tax reduction')).toBe(false);
    expect(cue("mae'r cyngor wedi anfon llythyr am fy mhensiwn")).toBe(false);
    expect(cue('noisy neighbours in the housing association flat above')).toBe(false);
    expect(cue('landlord evicting us, the housing association will not help, nowhere to go')).toBe(false);
  });

  it('never fires on words of danger or harm, whatever body is named', () => {
    expect(cue("I can smell gas in the flat and British Gas won't pick up")).toBe(false);
    expect(cue('should I ring the police, he is hitting her again')).toBe(false);
    expect(cue('sparks coming from the electricity pole outside')).toBe(false);
    expect(cue("mae arogl nwy cryf yn y ty, dyw'r cwmni nwy ddim yn ateb")).toBe(false);
    expect(cue('my gas bill has doubled')).toBe(true);
  });

  it('does not fire on ordinary council requests', () => {
    expect(cue('my bins were not collected')).toBe(false);
    expect(cue('pothole on Station Road by the school')).toBe(false);
    expect(cue('')).toBe(false);
  });
});

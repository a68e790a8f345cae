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

  it('fires on the bodies of round three: trunk roads, immigration, exams, banks, utilities, landlords', () => {
    expect(cue('street lights all out on the trunk road bypass')).toBe(true);
    expect(cue('my eVisa account will not load')).toBe(true);
    expect(cue('when do the GCSE results come out')).toBe(true);
    expect(cue('the cash machine on the high street ate my card')).toBe(true);
    expect(cue('water main burst at the crossroads')).toBe(true);
    expect(cue("ma'r band llydan lawr eto")).toBe(true);
    expect(cue("wedi colli fy mhasbort")).toBe(true);
    expect(cue('the letting agency wants another fee')).toBe(true);
  });

  it('lets a road owner or a private parking operator win beside a council service, not beside the council', () => {
    expect(cue('street lights out on the motorway slip road')).toBe(true);
    expect(cue('got a PCN from ParkingEye at the retail park')).toBe(true);
    expect(cue('the council has not fixed the street lights on the motorway bridge')).toBe(false);
    // A weaker body beside a council service still gives way to it.
    expect(cue('street light out outside the GP surgery')).toBe(false);
  });

  it('reads a few phrases as a whole: no council word or danger inside them', () => {
    expect(cue('HMRC put me on an emergency tax code')).toBe(true);
    expect(cue('the university library wants a fine for a lost book')).toBe(true);
    expect(cue('a housing association tenant is evicting a tenant of their own')).toBe(true);
    expect(cue('the housing association is evicting me')).toBe(false);
    expect(cue('my housing association has not fixed the leak in the bathroom')).toBe(true);
    expect(cue('gas leak, the housing association will not answer')).toBe(false);
  });

  it('does not fire on ordinary council requests', () => {
    expect(cue('my bins were not collected')).toBe(false);
    expect(cue('pothole on Station Road by the school')).toBe(false);
    expect(cue('can students register to vote at their uni address')).toBe(false);
    expect(cue('I need a copy of my birth certificate for my passport')).toBe(false);
    expect(cue('')).toBe(false);
  });
});

/** Residents' notices in the conversation's language (issue 17); English exactly as before. */
import { agentJoinedNotice, closedNotice, handedBackNotice, noticeLanguage, transferredNotice } from './notices.js';

test('Welsh notices for a conversation held in Welsh', () => {
  const lang = noticeLanguage({ language: 'cy' });
  expect(agentJoinedNotice('Sam Jones', 'Waste', lang)).toEqual({ kind: 'agent_joined', text: "Mae Sam o Waste wedi ymuno â'r sgwrs.", language: 'cy' });
  expect(transferredNotice({ agentName: 'Ceri Lewis' }, lang).text).toBe("Rydw i'n eich trosglwyddo chi i'm cydweithiwr Ceri. Arhoswch yma; byddan nhw'n ateb cyn bo hir.");
  expect(handedBackNotice('Sam Jones', lang).text).toMatch(/^Mae Sam wedi eich trosglwyddo chi'n ôl i'r cynorthwyydd/);
  expect(closedNotice('Sam Jones', lang).text).toMatch(/^Mae Sam wedi cau'r sgwrs hon\./);
});

test('English notices, and any other or unknown language, are as before', () => {
  expect(noticeLanguage({ language: null })).toBe('en');
  expect(agentJoinedNotice('Sam Jones', 'Waste')).toEqual({ kind: 'agent_joined', text: 'Sam from Waste has joined the conversation.' });
  expect(closedNotice('Sam Jones', noticeLanguage({}))).toEqual({
    kind: 'closed',
    text: 'Sam has closed this conversation. If you need us again, just send a message and the assistant will start afresh.',
  });
});

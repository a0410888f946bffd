/** §2.5 and §3.4 — family, flatmates, visitors and other people around the work. */
import type { Decision } from './compose.ts';
import { type Facts, d, mentionsClass, owns } from './facts.ts';
import { FAMILY_DEVICE, HOME_ROOM, PEOPLE_PRESENT } from './patterns.ts';
import { R } from './topics.ts';

export function people(f: Facts): Decision | undefined {
  const { has, n } = f;
  // §3.4 — someone who is also an employee still may not touch your PC (§2.5 is about non-employees)
  if (
    (has(R.family) || has(R.others)) &&
    (has(R.touchStrong) || has(R.touch) || mentionsClass(f, 'pc') || /(共有|\bshare\b|一緒に使)/.test(n)) &&
    /(社員|同じ会社|同僚|colleague|co-?worker|employee|(works?|working) (at|for) our company|our company too)/.test(n)
  )
    return d('prohibited', ['§3.4'], ['3.4-no-one-else-touches-pc']);

  // §2.5 / §3.4 — family and other people
  // 「子供の学校からのメールを会社PCで見る」: the family is only named; the private use is one's own (§2.7).
  const familyOnlyMentioned =
    (has(R.privateUse) &&
      !has(R.touchStrong) &&
      /(子供|子ども|家族|妻|夫|親)(との?|の)/.test(n) &&
      !/(子供|子ども|家族|妻|夫|親)(が|は|に)/.test(n)) ||
    // 「家族共用のパソコン」「my wife's laptop」: whose device it is, not who touches the company PC
    (FAMILY_DEVICE.test(n) && !has(R.touchStrong) && !owns(f, 'company'));
  if (
    has(R.family) &&
    !familyOnlyMentioned &&
    (has(R.howPrevent) ||
      has(R.see) ||
      has(R.touch) ||
      has(R.screen) ||
      has(R.audio) ||
      has(R.workspace) ||
      has(R.teleworkHome) ||
      PEOPLE_PRESENT.test(n) ||
      HOME_ROOM.test(n) ||
      mentionsClass(f, 'pc') ||
      has(R.confidential))
  ) {
    if (
      has(R.workspace) ||
      has(R.howPrevent) ||
      ((PEOPLE_PRESENT.test(n) || HOME_ROOM.test(n)) && !has(R.touchStrong) && !has(R.see)) ||
      (has(R.teleworkHome) && !has(R.touch) && !mentionsClass(f, 'pc'))
    )
      return d('required', ['§3.4', '§2.5'], ['3.4-screen-not-visible', '2.5-no-cohabitant-access']);
    if (has(R.audio) && !has(R.see))
      return d('required', ['§3.4', '§2.5'], ['3.4-audio-not-overheard', '2.5-no-cohabitant-access']);
    return d('prohibited', ['§2.5', '§3.4'], ['2.5-no-cohabitant-access', '3.4-no-one-else-touches-pc']);
  }
  if (
    has(R.others) &&
    (has(R.touchStrong) || (has(R.touch) && mentionsClass(f, 'pc'))) &&
    f.apps.length === 0 &&
    !has(R.see) &&
    !has(R.paper)
  ) {
    return d('prohibited', ['§3.4', '§2.5'], ['3.4-no-one-else-touches-pc', '2.5-no-cohabitant-access']);
  }
  // §3.4 — working while a visitor is around: only where the screen and calls stay private
  if (
    has(R.others) &&
    !/(anyone|anybody|someone|somebody|誰とも|誰も)/.test(n) &&
    (has(R.workVerb) || PEOPLE_PRESENT.test(n)) &&
    !has(R.touch) &&
    (f.apps.length === 0 || PEOPLE_PRESENT.test(n)) &&
    !has(R.network)
  )
    return d(
      'required',
      ['§3.4', '§2.5'],
      ['3.4-screen-not-visible', '3.4-audio-not-overheard', '2.5-no-cohabitant-access'],
    );
  return undefined;
}

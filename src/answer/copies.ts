/** §3.5 ① and §2.3 — copying or saving work data: only the company PC may hold it. */
import type { Decision } from './compose.ts';
import { type Facts, d, owns, personalDevice } from './facts.ts';
import { isAppInstall } from './m365.ts';
import { COMPANY_PC_STORAGE_REASON } from './reasons.ts';
import { R } from './topics.ts';

export function copies(f: Facts): Decision | undefined {
  const { has, n } = f;
  const copying = has(R.copy) && !has(R.notCopying) && !has(R.mdm) && !isAppInstall(f);
  if (copying && (has(R.dataObject) || has(R.personalTarget) || has(R.mediaStrong) || personalDevice(f))) {
    if (owns(f, 'customer', 'pc'))
      return d('prohibited', ['§3.2', '§2.3'], ['3.2-customer-pc-no-our-data', '2.3-no-copy-outside-company-pc']);
    const media = has(R.media);
    const toPersonal = personalDevice(f) || has(R.personalTarget) || media;
    if (!toPersonal && owns(f, 'company', 'pc') && !f.mentions.some((m) => m.owner !== 'company')) {
      return d(
        'allowed',
        ['§2.3', '§3.1'],
        ['2.3-no-copy-outside-company-pc', '3.1-no-confidential-outside-company-pc'],
        {
          reason: COMPANY_PC_STORAGE_REASON,
        },
      );
    }
    if (personalDevice(f) && (f.apps.length > 0 || has(R.otherOffice)) && !media) {
      return d('prohibited', ['§3.5', '§2.3'], ['3.5-personal-devices', '2.3-no-copy-outside-company-pc']);
    }
    if (media) return d('prohibited', ['§2.3', '§3.2'], ['2.3-no-copy-outside-company-pc', '3.2-no-own-media']);
    // "Save it locally" on whatever device is at hand: the company PC yes, anything else no.
    if (!toPersonal && f.mentions.length === 0 && /(locally|ローカル)/.test(n))
      return d(
        'depends',
        ['§2.3', '§3.1'],
        ['2.3-no-copy-outside-company-pc', '3.1-no-confidential-outside-company-pc'],
      );
    // Saved on "the laptop" of no stated owner: the company's is the one place allowed, any other is not.
    if (!toPersonal && f.mentions.length > 0 && f.mentions.every((m) => !m.owner && m.cls === 'pc'))
      return d(
        'depends',
        ['§2.3', '§3.1'],
        ['2.3-no-copy-outside-company-pc', '3.1-no-confidential-outside-company-pc'],
      );
    return d(
      'prohibited',
      ['§2.3', '§3.1'],
      ['2.3-no-copy-outside-company-pc', '3.1-no-confidential-outside-company-pc'],
    );
  }
  return undefined;
}

/** §3.1 — the three ways to reach company information: VPN, remote desktop (RV), secure internet logon. */
import type { Decision } from './compose.ts';
import { type Facts, UNKNOWN, d, mentionsClass, owns, phoneOnly } from './facts.ts';
import { APPROVED, RV_TARGET } from './patterns.ts';
import { RV_COMPANY_REASON } from './reasons.ts';
import { R } from './topics.ts';

export function vpn(f: Facts): Decision {
  if (f.has(R.trouble) && f.mentions.length === 0) return UNKNOWN;
  // Which client to install and where to get it is the helpdesk's, not the guideline's.
  if (
    /(where (do|can) i (download|get)|which version|ダウンロード(先|方法)|インストール方法|how (do|can) i install)/.test(
      f.n,
    )
  )
    return UNKNOWN;
  if (owns(f, 'personal', 'pc')) return d('prohibited', ['§3.1', '§3.2'], ['3.1-vpn', '3.2-personal-pc-methods']);
  if (f.mentions.length > 0 && phoneOnly(f)) return d('prohibited', ['§3.1'], ['3.1-vpn']);
  if (owns(f, 'company', 'pc')) return d('allowed', ['§3.1'], ['3.1-vpn']);
  // A PC of no stated owner, or none at all: the company's may, one's own may not.
  if (mentionsClass(f, 'pc') || f.mentions.length === 0)
    return d('depends', ['§3.1', '§3.2'], ['3.1-vpn', '3.2-personal-pc-methods']);
  return d('conditional', ['§3.1'], ['3.1-vpn']);
}

export function remoteDesktop(all: Facts): Decision {
  const mentions = all.mentions.filter(
    (m) =>
      !RV_TARGET.test(all.n.slice(Math.max(0, m.at - 14), m.at)) &&
      // 「会社のPCに（リモートで）つなぐ」: the PC reached, not the one worked from
      !(m.cls === 'pc' && /^(に|へ)(リモート|rv|接続|つな|繋|アクセス|入)/.test(all.n.slice(m.at + m.word.length))),
  );
  const f: Facts = { ...all, mentions };
  if (owns(f, 'personal', 'pc'))
    return d(
      'conditional',
      ['§3.1', '§3.2'],
      ['3.1-remote-desktop', '3.2-personal-pc-methods', '3.2-personal-pc-approval'],
    );
  if (f.mentions.length > 0 && (phoneOnly(f) || (mentionsClass(f, 'phone') && !owns(f, 'company', 'pc'))))
    return d('allowed', ['§3.1'], ['3.1-rv-phone']);
  if (owns(f, 'company', 'pc')) return d('allowed', ['§3.1'], ['3.1-remote-desktop'], { reason: RV_COMPANY_REASON });
  if (f.mentions.length === 0)
    return d('depends', ['§3.1', '§3.2'], ['3.1-remote-desktop', '3.2-personal-pc-approval']);
  return d('conditional', ['§3.1'], ['3.1-remote-desktop']);
}

export function secureLogon(f: Facts): Decision {
  // With the manager's approval already given, the browser logon from one's own PC is allowed (§3.1, §3.2).
  if (owns(f, 'personal', 'pc') && APPROVED.test(f.n) && !f.has(R.approvalNegated))
    return d('allowed', ['§3.1', '§3.2'], ['3.1-secure-logon', '3.2-personal-pc-approval']);
  if (owns(f, 'personal', 'pc'))
    return d(
      'conditional',
      ['§3.1', '§3.2'],
      ['3.1-secure-logon', '3.2-personal-pc-methods', '3.2-personal-pc-approval'],
    );
  if (f.mentions.length > 0 && phoneOnly(f)) return UNKNOWN;
  if (owns(f, 'company', 'pc')) return d('allowed', ['§3.1'], ['3.1-secure-logon'], { conditions: { ja: [], en: [] } });
  return d('conditional', ['§3.1'], ['3.1-secure-logon']);
}

import { rule, type Bilingual, type SectionId } from '../guideline/index.ts';
import type { Severity } from './questions.ts';

/** One thing the answers show against the guideline, with what to do about it now. */
export interface Finding {
  ruleId: string;
  section: SectionId;
  severity: Severity;
  /** What the guideline says, from the rule data. */
  says: Bilingual;
  /** What to do now. */
  guidance: Bilingual;
  /** Someone besides the employee must hear of it at once (a lost device goes to the security contact). */
  notify?: 'security-contact';
}

export type CheckinAnswers = Record<string, string>;

function finding(ruleId: string, severity: Severity, guidance: Bilingual, notify?: Finding['notify']): Finding {
  const r = rule(ruleId);
  return {
    ruleId,
    section: r.section,
    severity,
    says: { ja: r.ja, en: r.en },
    guidance,
    ...(notify ? { notify } : {}),
  };
}

/** Findings for a check-in, most serious first. Answers must already be validated. */
export function evaluateCheckin(a: CheckinAnswers): Finding[] {
  const out: Finding[] = [];
  if (a.place === 'elsewhere') {
    out.push(
      finding('2.1-home-only', 'violation', {
        ja: '業務を中断し、自宅に戻ってから再開してください。やむを得ない事情があれば上長に相談してください。',
        en: 'Stop working and resume once you are back home. If you cannot, talk to your manager.',
      }),
    );
  }
  if (a.network === 'public-wifi') {
    out.push(
      finding('2.2-no-risky-network', 'violation', {
        ja: '今すぐ公衆・フリーWi-Fiから切断し、有線・自宅Wi-Fi・キャリアSIM（ポケットWi-Fi等）に切り替えてください（§3.3）。',
        en: 'Disconnect from the public or free Wi-Fi now and switch to a wired line, your home Wi-Fi or a carrier SIM (pocket Wi-Fi) (§3.3).',
      }),
    );
  }
  if (a.device === 'personal-pc' && a.access === 'vpn') {
    out.push(
      finding('3.2-personal-pc-methods', 'violation', {
        ja: '私用PCのVPN接続を今すぐ切断してください。私用PCではリモートデスクトップ（RV）かブラウザでのセキュア・インターネットログオンのみ使えます（上長の許可が必要）。',
        en: 'Disconnect the VPN on your personal PC now. On a personal PC only remote desktop (RV) or secure internet logon in a browser may be used, with your manager’s approval.',
      }),
    );
  } else if (a.device === 'customer-pc' && a.access === 'vpn') {
    out.push(
      finding('3.1-vpn', 'violation', {
        ja: '当社VPNは会社貸与PCのみで使えます。顧客貸与PCからの当社VPN接続を切断し、お客様の利用規則に従ってください。',
        en: 'Our VPN is for the company PC only. Disconnect it on the customer’s PC and follow the customer’s rules of use.',
      }),
    );
  } else if (a.device === 'personal-pc') {
    out.push(
      finding('3.2-personal-pc-approval', 'caution', {
        ja: '私用PCの業務利用には上長の許可が必要です。許可がなければ利用をやめて上長に相談してください。データはダウンロード・保存しないでください（§2.3）。',
        en: 'Using a personal PC for work needs your manager’s approval. Without it, stop and talk to your manager. Do not download or save any data (§2.3).',
      }),
    );
  }
  if (a.workspace === 'exposed') {
    out.push(
      finding('3.4-screen-not-visible', 'violation', {
        ja: '画面を他の人から見えない向き・場所に移し、PCに触れられないようにしてください。離席時は必ず画面をロックしてください。',
        en: 'Move so that nobody can see your screen or touch the PC, and always lock the screen when you step away.',
      }),
      finding('2.5-no-cohabitant-access', 'violation', {
        ja: '同居の家族など社員以外の人が、会社貸与PCや機密情報に接しないようにしてください。',
        en: 'Make sure people you live with who are not employees cannot touch the company PC or see confidential information.',
      }),
    );
  }
  return bySeverity(out);
}

/** Findings for a check-out; a lost device is an incident the security contact hears of at once. */
export function evaluateCheckout(a: CheckinAnswers): Finding[] {
  const out: Finding[] = [];
  if (a.report === 'lost-device') {
    out.push(
      finding(
        '1-risk-burglary',
        'incident',
        {
          ja: 'セキュリティ担当に通知しました。紛失・盗難の状況（いつ・どこで・何を）を上長とセキュリティ担当に Teams で報告してください。',
          en: 'The security contact has been told. Report what was lost, when and where, to your manager and the security contact on Teams.',
        },
        'security-contact',
      ),
    );
  } else if (a.report === 'other') {
    out.push(
      finding(
        '3.4-disaster-contact',
        'incident',
        {
          ja: 'セキュリティ担当に通知しました。詳細を上長とセキュリティ担当に Teams で報告してください。',
          en: 'The security contact has been told. Give the details to your manager and the security contact on Teams.',
        },
        'security-contact',
      ),
    );
  }
  if (a.disconnected === 'no' || a.loggedOff === 'no') {
    out.push(
      finding('3.4-end-of-day', 'violation', {
        ja: '業務が終わったら、速やかにRV・VPNの接続を終了し、PCをログオフしてください。',
        en: 'Now that work is over, end the RV/VPN connection and log off the PC.',
      }),
    );
  }
  if (a.stored === 'not-stored') {
    out.push(
      finding('3.4-store-pc', 'violation', {
        ja: 'PCをキャビネット等に保管してください（鍵付きを推奨）。',
        en: 'Put the PC away in a cabinet (a lockable one is recommended).',
      }),
    );
  } else if (a.stored === 'cabinet') {
    out.push(
      finding('3.4-store-pc', 'caution', {
        ja: '保管ありがとうございます。鍵付きのキャビネットがあればそちらを推奨します。',
        en: 'Thank you for putting it away. A lockable cabinet is recommended if you have one.',
      }),
    );
  }
  return bySeverity(out);
}

const RANK: Record<Severity, number> = { incident: 0, violation: 1, caution: 2 };
const bySeverity = (f: Finding[]) => f.sort((x, y) => RANK[x.severity] - RANK[y.severity]);

export function evaluate(kind: 'checkin' | 'checkout', answers: CheckinAnswers): Finding[] {
  return kind === 'checkin' ? evaluateCheckin(answers) : evaluateCheckout(answers);
}

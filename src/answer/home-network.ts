/** §3.3 — the home network, and when the network is only the setting of another question. */
import type { Decision } from './compose.ts';
import { type Facts, d, mentionsClass, owns } from './facts.ts';
import { DECLINES_SEGMENT, PEOPLE_PRESENT, PHOTO_OF_SCREEN, SOMEONE_USES, WIFI_ASKED } from './patterns.ts';
import {
  FAMILY_NETWORK_REASON,
  HOME_WIFI_REASON,
  SECURE_NETWORK_REASON,
  WHOSE_WIFI_REASON,
  WPA_REASON,
} from './reasons.ts';
import { R } from './topics.ts';

/** Questions about the home network itself (§3.3), and a customer's PC on it (§3.2). */
export function homeNetwork(f: Facts): Decision | undefined {
  const { has, n } = f;
  // Other computers on the home network: their security software is checked before connecting.
  if (
    /(other (pcs|computers|devices)|他の(pc|パソコン)|ほかの(pc|パソコン))/.test(n) &&
    /(antivirus|security|セキュリティ|ウイルス|確認|check)/.test(n)
  )
    return d('required', ['§3.3'], ['3.3-check-other-pcs', '3.3-family-network', '3.3-segment-recommended']);
  // The household's own line, whoever's name the contract is in, is one's own network.
  if (has(R.ownLine) && /(名義|'s name)/.test(n) && !has(R.publicWifi) && !has(R.othersWifi))
    return d('allowed', ['§3.3'], ['3.3-own-network']);
  // §3.2 — a customer's PC follows the customer's rules first, on any network
  if (owns(f, 'customer', 'pc') && has(R.network) && !(has(R.copy) && has(R.dataObject)))
    return d('conditional', ['§3.2'], ['3.2-customer-pc-rules', '3.2-customer-pc-network']);

  // §3.3 — the home network
  if (has(R.segment) && !DECLINES_SEGMENT.test(n)) return d('allowed', ['§3.3'], ['3.3-segment-recommended']);
  // A carrier SIM or tethering is a line of one's own, whoever else is at home.
  if ((has(R.tethering) || has(R.carrier)) && !has(R.simultaneous))
    return d('allowed', ['§3.3'], ['3.3-carrier-sim-ok']);
  if (/(set up|configure|設定)[^?？]{0,30}(router|ルーター)|(ルーター|router)の?(設定|config)/.test(n))
    return d('required', ['§3.3'], ['3.3-restrict-other-devices', '3.3-segment-recommended', '3.3-check-other-pcs']);
  if (has(R.family) && has(R.network) && has(R.simultaneous) && has(R.vpn) && !has(R.apartment))
    return d('prohibited', ['§3.3'], ['3.3-family-network', '3.3-check-other-pcs', '3.3-segment-recommended']);
  if (has(R.family) && has(R.network) && !has(R.apartment) && !has(R.see) && !has(R.touchStrong)) {
    if (has(R.simultaneous))
      return d('prohibited', ['§3.3'], ['3.3-family-network', '3.3-check-other-pcs', '3.3-segment-recommended']);
    return d('conditional', ['§3.3'], ['3.3-family-network', '3.3-check-other-pcs', '3.3-segment-recommended'], {
      reason: FAMILY_NETWORK_REASON,
    });
  }
  if (has(R.tethering) || has(R.carrier)) return d('allowed', ['§3.3'], ['3.3-carrier-sim-ok']);
  if (has(R.wep)) return d('prohibited', ['§3.3'], ['3.3-no-weak-encryption']);
  if (has(R.noEncryption) && has(R.network) && !has(R.pcContext))
    return d('prohibited', ['§3.3'], ['3.3-no-weak-encryption']);
  if (has(R.macAuth)) return d('prohibited', ['§3.3'], ['3.3-no-mac-auth']);
  if (has(R.wpa))
    return d('allowed', ['§3.3'], ['3.3-no-weak-encryption', '3.3-strong-wifi-password'], { reason: WPA_REASON });
  if (has(R.firmware)) {
    return d('required', ['§3.3'], ['3.3-firmware-updates', '3.3-vulnerabilities', '3.3-no-unsupported-devices']);
  }
  if (has(R.sharedFolder)) return d('prohibited', ['§3.3'], ['3.3-shared-folder']);
  if (has(R.noVpn) && !owns(f, 'personal', 'pc')) return d('prohibited', ['§3.3'], ['3.3-no-connection-without-vpn']);
  if (has(R.restrictDevices)) return d('required', ['§3.3'], ['3.3-restrict-other-devices']);
  if (has(R.routerPassword)) return d('required', ['§3.3'], ['3.3-strong-wifi-password', '3.3-no-weak-encryption']);
  if (has(R.secureNetwork) && (has(R.wifi) || /(ネットワーク|network|回線)/.test(n)) && !has(R.vpn)) {
    return secureHomeNetwork();
  }
  // "Wired or Wi-Fi, which does the guideline want?" asks for the rule: wired is recommended, Wi-Fi with conditions.
  if (has(R.wired) && /(wifi|無線|wireless)/.test(n) && /(which|どっち|どちら|what does the guideline|推奨)/.test(n))
    return d('required', ['§3.3'], ['3.3-wired-recommended', '3.3-strong-wifi-password', '3.3-no-weak-encryption']);
  if (has(R.wired) && WIFI_ASKED.test(n))
    return d('conditional', ['§3.3'], ['3.3-strong-wifi-password', '3.3-no-weak-encryption', '3.3-wired-recommended'], {
      reason: HOME_WIFI_REASON,
    });
  if (has(R.wired)) return d('allowed', ['§3.3'], ['3.3-wired-recommended']);
  if (has(R.slow) && has(R.network)) return d('required', ['§3.3'], ['3.3-speed-own-responsibility']);
  if (has(R.apartment) && has(R.network)) return d('allowed', ['§3.3'], ['3.3-own-network']);
  if (has(R.ownLine) && !has(R.wifi)) return d('allowed', ['§3.3'], ['3.3-own-network']);
  if (has(R.wifi) && f.apps.length === 0) {
    // Whose Wi-Fi decides: one's own is fine with a strong password, a free or someone else's is prohibited.
    if (
      !has(R.homeWord) &&
      !has(R.teleworkHome) &&
      !has(R.workspace) &&
      !/(ルーター|router|ssid|パスワード|password)/.test(n)
    )
      return d(
        'depends',
        ['§3.3', '§2.2'],
        ['3.3-own-network', '3.3-strong-wifi-password', '2.2-no-risky-network', '3.3-no-free-public'],
        {
          reason: WHOSE_WIFI_REASON,
        },
      );
    return d('conditional', ['§3.3'], ['3.3-strong-wifi-password', '3.3-no-weak-encryption', '3.3-wired-recommended'], {
      reason: HOME_WIFI_REASON,
    });
  }
  return undefined;
}

/** What a secure home network takes: the answer to "what should I set up on my Wi-Fi?". */
export function secureHomeNetwork(): Decision {
  return d(
    'required',
    ['§3.3'],
    [
      '3.3-strong-wifi-password',
      '3.3-no-weak-encryption',
      '3.3-no-mac-auth',
      '3.3-firmware-updates',
      '3.3-wired-recommended',
    ],
    { reason: SECURE_NETWORK_REASON },
  );
}

/** The network only sets the scene when the question is about an app, data, a photo, private use or a person. */
export function networkIsContext(f: Facts): boolean {
  const { has } = f;
  return (
    f.apps.length > 0 ||
    has(R.screenshot) ||
    has(R.filming) ||
    (has(R.privateUse) && mentionsClass(f, 'pc')) ||
    (has(R.encryption) && has(R.pcContext) && !has(R.wep)) ||
    PEOPLE_PRESENT.test(f.n) ||
    (has(R.credential) &&
      /(\bgave (it|my|the)\b|\b(tell|give|share) (my|the) (vpn )?(password|pw|credentials)|教え(た|ちゃ|てしまっ|て(も|いい))|伝え(た|て))/.test(
        f.n,
      )) ||
    (has(R.copy) && has(R.dataObject)) ||
    PHOTO_OF_SCREEN.test(f.n) ||
    /(録画|録音|\brecord)/.test(f.n) ||
    (has(R.family) &&
      (has(R.screen) || has(R.audio) || has(R.see) || has(R.workspace)) &&
      !/(ルーター|router|ssid|segment|セグメント)/.test(f.n)) ||
    (has(R.family) &&
      mentionsClass(f, 'pc') &&
      (has(R.touchStrong) || SOMEONE_USES.test(f.n) || /(共有|\bshare\b|一緒に使)/.test(f.n))) ||
    ((has(R.vpn) || has(R.rv) || has(R.breakdown) || has(R.approval)) && owns(f, 'personal', 'pc'))
  );
}

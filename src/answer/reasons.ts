/** Reasons given in place of a rule's own wording, where an answer draws several rules together. */
import type { Bilingual } from '../guideline/types.ts';

export const HOME_ROOM_REASON: Bilingual = {
  ja: '在宅勤務で禁止されているのは自宅以外の場所での業務です。自宅内であれば部屋は問いませんが、家族や他の人がいる場合は画面が容易に見られず、会話が聞かれない場所を確保してください。',
  en: 'What is prohibited is working anywhere other than your home; any room of your home is fine, but with family or others around, choose a place where your screen cannot easily be seen and your calls are not overheard.',
};

export const WHOSE_WIFI_REASON: Bilingual = {
  ja: '自宅の自分の回線（集合住宅なら住宅共有のもの）の無線で、ルーター及びSSIDに強力なパスワードがかかっていれば利用できます。公衆やフリーのWi-Fi、他人の回線は禁止です。',
  en: "Your own home line (or your building's shared one) over Wi-Fi is fine if the router and SSID have strong passwords; public or free Wi-Fi and other people's networks are prohibited.",
};

export const NOT_NAMED_REASON: Bilingual = {
  ja: '貸与スマホのアプリ版は、責任をもって管理できる人（部長職以上と会社が認めたPM、PL等）に限定されています。該当しない場合はWEB版を使ってください（TeamsはWEB版も利用不可）。',
  en: 'App versions on company phones are limited to people who can take responsibility for them (department managers and above, and PMs/PLs the company names). If that is not you, use the web version (for Teams, the web version is not allowed either).',
};

export const USB_REASON: Bilingual = {
  ja: '自己所有のモニター・キーボード・マウス・ヘッドセット等の周辺機器は利用できますが、自己所有のUSBメモリ等の記録媒体をPCに接続する事は禁止です。',
  en: 'Your own peripherals (monitor, keyboard, mouse, headset…) are fine, but connecting your own USB memory or other storage media to the PC is prohibited.',
};

export const WPA_REASON: Bilingual = {
  ja: 'WPA2/WPA3は禁止されている「暗号化なしやWEPなど強度が低い暗号化方式」にあたらないため利用できます。ルーター及びSSIDには強力なパスワードをかけてください。',
  en: 'WPA2/WPA3 is not one of the prohibited options (no encryption, or weak encryption such as WEP), so it is fine; the router and SSID must have strong passwords.',
};

export const SECURE_NETWORK_REASON: Bilingual = {
  ja: '自宅のネットワークは、有線を推奨し、無線ならルーター及びSSIDに強力なパスワードをかけ（暗号化なし・WEPは禁止、MACアドレス認証は使わない）、ファームウェアの更新など機器の脆弱性対応を行ってください。',
  en: 'For the home network: wired is recommended; on wireless, put strong passwords on the router and SSID (no encryption or WEP is prohibited, and do not rely on MAC addresses), and keep the equipment patched, firmware included.',
};

export const FAMILY_NETWORK_REASON: Bilingual = {
  ja: '家族と共用のネットワークは、VPN接続が完了するまでは他のPCから侵入される懸念があるため、原則は同時利用を禁止としています（特にVPN接続するまでの間）。',
  en: 'On a network shared with family, other PCs could break in until the VPN is up, so using it at the same time is prohibited in principle (above all until the VPN is connected).',
};

export const HOME_WIFI_REASON: Bilingual = {
  ja: '自宅の無線（Wi-Fi）は、ルーター及びSSIDに強力なパスワードがかかっていれば利用できます。暗号化なしやWEPは禁止で、接続方式は有線を推奨します。',
  en: 'Home Wi-Fi is fine if the router and SSID have strong passwords; no encryption or WEP is prohibited, and a wired connection is recommended.',
};

export const COMPANY_PC_STORAGE_REASON: Bilingual = {
  ja: 'データの保存先として認められているのは会社貸与PCだけです（会社貸与PC以外への複製、保存は禁止）。',
  en: 'The company PC is the only place where data may be stored (copying or saving anywhere else is prohibited).',
};

export const ENCRYPTION_REQUIRED_REASON: Bilingual = {
  ja: '会社貸与PCのHDD/SSDは暗号化されている必要があります。暗号化されていないものは持ち出し不可です。',
  en: "The company PC's HDD/SSD must be encrypted; an unencrypted one must not be taken out.",
};

export const ENCRYPTED_TAKE_OUT_REASON: Bilingual = {
  ja: 'HDD/SSDが暗号化されている会社貸与PCは持ち出せます（暗号化されていないものは持ち出し不可）。',
  en: 'A company PC whose HDD/SSD is encrypted may be taken out (an unencrypted one may not).',
};

export const SECURITY_SOFTWARE_OFF_REASON: Bilingual = {
  ja: '会社貸与PCにはセキュリティソフト（AppGuard もしくは ESET）がインストールされている事が必要なため、外したり無効にしたりはできません。',
  en: 'The company PC must have security software (AppGuard or ESET) installed, so you may not remove or disable it.',
};

export const PAPER_REASON: Bilingual = {
  ja: '紙資料の持ち出しは原則禁止です。事前に顧客及び上長に持ち出し許可を得た場合は可ですが、持ち出した資料の複製及び第三者の閲覧は禁止です。',
  en: 'Taking paper documents out is prohibited in principle; it is allowed with prior permission from the customer and your manager, but no copies and no third-party viewing.',
};

export const RV_COMPANY_REASON: Bilingual = {
  ja: 'リモートデスクトップ接続方式（RV）は、会社貸与PCからは利用できます。',
  en: 'Remote desktop (RV) may be used from the company PC.',
};

export const CONNECT_REASON: Bilingual = {
  ja: '社内情報への接続方法は、VPN（会社貸与PCのみ）、リモートデスクトップ（RV：会社貸与PCは可、自宅PCは条件付き、スマホ・タブレットも可）、セキュア・インターネットログオン（会社貸与PC及び自宅PC）の3つです。',
  en: 'There are three ways to reach company information: VPN (company PC only), remote desktop (RV: company PC; home PC with conditions; phones and tablets too) and secure internet logon (company PC and home PC).',
};

export const TELEWORK_REASON: Bilingual = {
  ja: 'テレワークは、ガイドラインの内容を遵守できる方のみに許可（指示）されます。初めて在宅勤務をする前に誓約書の提出が必要です。',
  en: 'Telework is permitted (instructed) only for people who can follow the guideline; before your first day of working from home you must submit the pledge.',
};

export const OTHER_OFFICE_PERSONAL_REASON: Bilingual = {
  ja: '私用機器では、OfficeはWEB版なら可ですが、アプリ版は利用不可です。ローカルにデータを残さない事（ダウンロードも禁止）。',
  en: 'On personal devices Office is allowed in the browser but not as an app, and no data may be left on the device (no downloads).',
};

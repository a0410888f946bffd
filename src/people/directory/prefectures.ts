export const PREFECTURES = [
  '北海道',
  '青森県',
  '岩手県',
  '宮城県',
  '秋田県',
  '山形県',
  '福島県',
  '茨城県',
  '栃木県',
  '群馬県',
  '埼玉県',
  '千葉県',
  '東京都',
  '神奈川県',
  '新潟県',
  '富山県',
  '石川県',
  '福井県',
  '山梨県',
  '長野県',
  '岐阜県',
  '静岡県',
  '愛知県',
  '三重県',
  '滋賀県',
  '京都府',
  '大阪府',
  '兵庫県',
  '奈良県',
  '和歌山県',
  '鳥取県',
  '島根県',
  '岡山県',
  '広島県',
  '山口県',
  '徳島県',
  '香川県',
  '愛媛県',
  '高知県',
  '福岡県',
  '佐賀県',
  '長崎県',
  '熊本県',
  '大分県',
  '宮崎県',
  '鹿児島県',
  '沖縄県',
] as const;

export type Prefecture = (typeof PREFECTURES)[number];

const byName = new Map<string, Prefecture>();
for (const p of PREFECTURES) {
  byName.set(p, p);
  // HR systems often drop the suffix (東京, 大阪, 神奈川); 北海道 has none to drop.
  if (p !== '北海道') byName.set(p.slice(0, -1), p);
}

/** 東京 / 東京都 / ＂ 東京都 ＂ → 東京都; anything that is not one of the 47 → undefined. */
export function normalisePrefecture(value: string): Prefecture | undefined {
  return byName.get(value.normalize('NFKC').replace(/\s+/g, ''));
}

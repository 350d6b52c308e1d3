/**
 * Traditional → Simplified Chinese for search, so a reader who types 服務網格, 分散式追蹤 or 負載平衡
 * gets what 服务网格, 分布式追踪 and 负载均衡 find. Built on OpenCC's data (opencc-js): Taiwan
 * phrases (資料庫 → 数据库, 伺服器 → 服务器), Taiwan and Hong Kong variant characters, then
 * traditional → simplified characters; plus a few phrases of this field that OpenCC does not carry,
 * minus OpenCC phrases that are wrong here (序列 "serial port" → 串行, where we mean 时间序列).
 *
 * Only text that contains a traditional character is converted: the notes are Simplified, and
 * converting Simplified text through Taiwan phrase tables would rewrite words that are fine.
 * Index time (Node) and query time (the worker) call the same function.
 */
import { ConverterFactory } from 'opencc-js/core';
import TWPhrasesRev from 'opencc-js/dict/TWPhrasesRev';
import TWVariantsRev from 'opencc-js/dict/TWVariantsRev';
import TWVariantsRevPhrases from 'opencc-js/dict/TWVariantsRevPhrases';
import HKVariantsRev from 'opencc-js/dict/HKVariantsRev';
import HKVariantsRevPhrases from 'opencc-js/dict/HKVariantsRevPhrases';
import TSCharacters from 'opencc-js/dict/TSCharacters';
import TSPhrases from 'opencc-js/dict/TSPhrases';

/** OpenCC phrase entries that mislead in this field (Taiwan word → mainland word). */
const NOT_HERE = new Set(['序列']);

/** Taiwan / Hong Kong terms of cloud-native engineering missing from OpenCC, in Traditional. */
const FIELD_PHRASES: readonly (readonly [string, string])[] = [
  ['負載平衡', '負載均衡'],
  ['負載平衡器', '負載均衡器'],
  ['設定檔', '配置文件'],
  ['組態', '配置'],
  ['憑證', '證書'],
  ['輪替', '輪換'],
  ['執行階段', '運行時'],
  ['容器執行環境', '容器運行時'],
  ['叢集', '集群'],
  ['節點', '節點'],
  ['命名空間', '命名空間'],
  ['快取', '緩存'],
  ['追蹤', '追蹤'],
  ['可觀察性', '可觀測性'],
  ['可觀測性', '可觀測性'],
  ['邊車', '邊車'],
  ['金絲雀部署', '金絲雀發布'],
  ['藍綠部署', '藍綠部署'],
  ['映像檔', '鏡像'],
  ['映像', '鏡像'],
  ['登錄檔', '註冊表'],
  ['服務探索', '服務發現'],
  ['服務發現', '服務發現'],
  ['指令稿', '腳本'],
  ['封包', '數據包'],
  ['頻寬', '帶寬'],
  ['逾時', '超時'],
  ['重試', '重試'],
  ['截止時間', '截止時間'],
];

function withoutEntries(dict: string, keys: ReadonlySet<string>): string {
  return dict
    .split('|')
    .filter((entry) => !keys.has(entry.slice(0, entry.indexOf(' '))))
    .join('|');
}

const toSimplified = ConverterFactory(
  [FIELD_PHRASES, withoutEntries(TWPhrasesRev, NOT_HERE), TWVariantsRevPhrases, TWVariantsRev, HKVariantsRevPhrases, HKVariantsRev],
  [TSPhrases, TSCharacters],
);

/** Every character that Traditional → Simplified changes (the keys of OpenCC's TSCharacters). */
const TRADITIONAL = new Set(
  TSCharacters.split('|').flatMap((entry) => {
    const [from, to] = entry.split(' ');
    return from && to && from !== to.split(' ')[0] ? [from] : [];
  }),
);

/** The same set for the Basic Multilingual Plane as one flag per UTF-16 code unit (a hot path). */
const TRADITIONAL_BMP = new Uint8Array(0x10000);
for (const char of TRADITIONAL) if (char.length === 1) TRADITIONAL_BMP[char.charCodeAt(0)] = 1;

/** True when the text has at least one character that Traditional → Simplified changes. */
export function hasTraditional(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0xd800 || unit > 0xdfff) {
      if (TRADITIONAL_BMP[unit]) return true;
    } else if (unit <= 0xdbff && TRADITIONAL.has(text.slice(i, i + 2))) return true;
  }
  return false;
}

/** Simplified Chinese for a run of text that contains Traditional characters; other text as it is. */
export function simplifyChinese(text: string): string {
  return hasTraditional(text) ? toSimplified(text) : text;
}

// The widget's own words, in the interface languages it ships (`ui-lang`): English and Arabic.
// Unknown languages fall back to English. Numbers are formatted with Intl for the same locale.

export const UI = {
  en: {
    dir: 'ltr',
    title: 'Article analysis',
    analyzing: 'Analyzing…',
    analyzedIn: (ms) => `Analyzed in ${ms} ms`,
    noText: 'No text to analyze.',
    stats: 'Statistics',
    entities: 'Names and figures',
    words: 'Most frequent words',
    keywords: 'Keywords',
    summary: 'Summary',
    text: 'Text',
    noEntities: 'No names found.',
    noWords: 'No words.',
    stat: {
      words: 'Words', sentences: 'Sentences', paragraphs: 'Paragraphs', characters: 'Characters',
      uniqueWords: 'Unique words', readingTimeSeconds: 'Reading time', language: 'Language',
    },
    minutes: (n) => `${n} min`,
    kinds: {
      person: 'person', organization: 'organization', location: 'place', misc: 'other', date: 'date',
      time: 'time', number: 'number', money: 'money', percent: 'percent', quantity: 'quantity',
      url: 'link', email: 'email', hashtag: 'hashtag', mention: 'mention', quote: 'quote',
    },
    languages: { ar: 'Arabic', en: 'English', und: 'Unknown' },
    times: (n) => `${n}×`,
  },
  ar: {
    dir: 'rtl',
    title: 'تحليل المقال',
    analyzing: 'جارٍ التحليل…',
    analyzedIn: (ms) => `حُلِّل في ${ms} ملّي ثانية`,
    noText: 'لا يوجد نص للتحليل.',
    stats: 'إحصاءات',
    entities: 'أسماء وأرقام',
    words: 'الكلمات الأكثر تكرارًا',
    keywords: 'الكلمات المفتاحية',
    summary: 'الملخص',
    text: 'النص',
    noEntities: 'لم يُعثر على أسماء.',
    noWords: 'لا كلمات.',
    stat: {
      words: 'كلمات', sentences: 'جمل', paragraphs: 'فقرات', characters: 'حروف',
      uniqueWords: 'كلمات فريدة', readingTimeSeconds: 'مدة القراءة', language: 'اللغة',
    },
    minutes: (n) => `${n} د`,
    kinds: {
      person: 'شخص', organization: 'مؤسسة', location: 'مكان', misc: 'أخرى', date: 'تاريخ',
      time: 'وقت', number: 'عدد', money: 'مبلغ', percent: 'نسبة', quantity: 'كمية',
      url: 'رابط', email: 'بريد', hashtag: 'وسم', mention: 'إشارة', quote: 'اقتباس',
    },
    languages: { ar: 'العربية', en: 'الإنجليزية', und: 'غير معروفة' },
    times: (n) => `${n}×`,
  },
};

/** The strings for `lang` (its primary subtag), English when it is not shipped. */
export function strings(lang) {
  const primary = String(lang ?? '').toLowerCase().split('-')[0];
  return UI[primary] ?? UI.en;
}

/** Whether the widget ships strings for `lang`. */
export function hasStrings(lang) {
  return Object.hasOwn(UI, String(lang ?? '').toLowerCase().split('-')[0]);
}

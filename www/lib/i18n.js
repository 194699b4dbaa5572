// The UI's two languages. The page follows navigator.language (Arabic when it starts with "ar")
// until the reader switches; the choice is remembered. Arabic mirrors the whole layout through
// dir="rtl" on <html>: the CSS uses logical properties only.
//
// Static text is marked in index.html with data-i18n (textContent), data-i18n-label (aria-label)
// and data-i18n-placeholder; code asks t(key, values).

const STRINGS = {
  en: {
    title: 'Article Analyzer',
    tagline: 'Paste a news article. It is analyzed on your device and never leaves it.',
    skip: 'Skip to the analysis',
    themeDark: 'Dark theme', themeLight: 'Light theme',
    inputTitle: 'Your article', textActions: 'Text', textLabel: 'Article text',
    openFile: 'Open file…', samples: 'Sample articles', samplePick: 'Try a sample…', clear: 'Clear',
    placeholder: 'Paste or type an article here, or drop a file — العربية أو English',
    words: 'Words', sentences: 'Sentences', characters: 'Characters', charactersNoSpaces: 'Without spaces',
    exportGroup: 'Export', exportJson: 'JSON', exportFreq: 'Frequencies CSV', exportEntities: 'Entities CSV',
    exportHtml: 'Highlighted HTML', print: 'Print', share: 'Copy share link',
    resultsTitle: 'Analysis', views: 'Views',
    tabArticle: 'Article', tabStats: 'Statistics', tabWords: 'Words', tabEntities: 'Entities',
    summary: 'Summary', legend: 'Entity kinds', articleLabel: 'Analyzed article',
    articleHint: 'Click a word or a highlighted name to see all its occurrences. Arrow keys move between names.',
    sentenceHistogram: 'Sentence length (words per sentence)',
    wordOptions: 'Word options', level: 'Count words by', levelFolded: 'Folded form (ignores case, diacritics)',
    levelExact: 'Exact form', levelStemmed: 'Stem (groups word forms)', hideStopwords: 'Hide stop words',
    searchWords: 'Search words', notInBuild: 'This build of the analyzer does not provide this yet.',
    freqCaption: 'Word frequencies', colWord: 'Word', colCount: 'Count', colPerThousand: 'Per 1,000',
    topWords: 'Most frequent words', cloud: 'Word cloud', keywords: 'Keywords', ngrams: 'Phrases (n-grams)',
    dispersion: 'Where the top words occur (dispersion)', noEntities: 'No entities found.',
    close: 'Close',
    privacy: 'Private by design: no server, no tracking, no third-party requests. Your text is kept only in this browser.',
    dropHere: 'Drop the file to open it',
    largeInfo: 'A long text is loaded: {size}, {chars} characters.',
    largeHint: 'Texts this long are shown in the Article view only: a text box this size would freeze the page. Clear it to type again.',
    // Messages.
    analyzing: 'Analyzing {size}…', analyzedIn: 'Analyzed in {ms} ms', rendering: 'Showing the article… {pct}%',
    analyzingPct: 'Analyzing {size}… about {pct}% (estimated from this device’s speed)', sendingPct: 'Handing {size} to the analyzer… {pct}%',
    cancel: 'Cancel', cancelled: 'The analysis was cancelled. Your text is unchanged.', analyzeAgain: 'Analyze again',
    limitTitle: 'This text is very long',
    limitInfo: 'It is {size} ({chars} characters). Above {limit} characters an analysis can take minutes and a gigabyte of memory, so it does not start by itself. Your whole text stays here either way.',
    limitPrefix: 'Analyze the first {limit} characters', limitAll: 'Analyze all of it anyway',
    limitNotice: 'A very long text: choose how to analyze it.',
    prefixShown: 'Showing the analysis of the first {shown} of {total} characters.',
    emptyText: 'Paste an article to see it analyzed.',
    loadedFile: 'Opened “{name}” ({encoding}).', loadedSample: 'Loaded the sample “{name}”.',
    cleared: 'The text was cleared.', undo: 'Undo', restored: 'The text is back.',
    fileBinary: '“{name}” does not look like text, so it was not opened. Your text is unchanged.',
    fileUnsupported: '“{name}”: {type} files are not supported. Open a .txt, .md or .html file, or paste the text. Your text is unchanged.',
    fileDocx: '“{name}” could not be read as a Word document — open it in a word processor and paste its text. Your text is unchanged.',
    fileEmpty: '“{name}” contains no readable text. Your text is unchanged.',
    fileError: 'Could not read “{name}”: {message}. Your text is unchanged.',
    shareCopied: 'Share link copied. It contains the text itself, compressed — nothing is uploaded.',
    shareShown: 'Share link ready (copying is not allowed here): it is in the address bar.',
    shareTooLong: 'This text is too long for a share link ({size} compressed, the limit is {limit}). Export it instead.',
    shareLoaded: 'Opened the text from the share link.', shareBroken: 'This share link is damaged and could not be opened.',
    exported: 'Saved {name}.', storageOff: 'This browser does not allow saving the text; it will not survive a reload.',
    workerError: 'The analyzer stopped: {message}',
    analyzerRestarted: 'The analyzer failed on this text and was restarted. Your text is unchanged; edit it to analyze again.',
    statBidiControls: 'Direction controls', statBidiControlsHelp: 'Invisible characters (U+202A–202E, U+2066–2069) that can make text display in a different order than it reads. Check the article before trusting what you see.',
    // Statistics.
    statWords: 'Words', statWordsHelp: 'Runs of letters or digits, as the analyzer splits them.',
    statSentences: 'Sentences', statSentencesHelp: 'Split at sentence-final punctuation, in Arabic and English.',
    statCharacters: 'Characters', statCharactersHelp: 'Every character, spaces included.',
    statCharactersNoSpaces: 'Characters without spaces', statCharactersNoSpacesHelp: 'Letters, digits and punctuation only.',
    statUniqueWords: 'Unique words', statUniqueWordsHelp: 'Different words after folding case and diacritics.',
    statParagraphs: 'Paragraphs', statParagraphsHelp: 'Blocks of text separated by blank lines.',
    statAverageSentenceLength: 'Words per sentence', statAverageSentenceLengthHelp: 'Average sentence length; news usually has 15–25.',
    statAverageWordLength: 'Letters per word', statAverageWordLengthHelp: 'Average word length in characters.',
    statLexicalDensity: 'Lexical density', statLexicalDensityHelp: 'Share of content words (not stop words).',
    statTypeTokenRatio: 'Vocabulary variety', statTypeTokenRatioHelp: 'Unique words divided by all words.',
    statReadingTimeSeconds: 'Reading time', statReadingTimeSecondsHelp: 'At a typical reading speed for the language.',
    statSpeakingTimeSeconds: 'Speaking time', statSpeakingTimeSecondsHelp: 'Read aloud at a typical pace.',
    statReadability: 'Readability', statReadabilityHelp: 'A readability score for the language; higher is easier.',
    statLanguage: 'Language', statLanguageHelp: 'The main language the analyzer detected.',
    minutes: '{m} min', seconds: '{s} s',
    // Entities.
    kind_person: 'Person', kind_organization: 'Organization', kind_location: 'Place', kind_misc: 'Other name',
    kind_date: 'Date', kind_time: 'Time', kind_number: 'Number', kind_money: 'Money', kind_percent: 'Percent',
    kind_quantity: 'Quantity', kind_url: 'Link', kind_email: 'Email', kind_hashtag: 'Hashtag',
    kind_mention: 'Mention', kind_quote: 'Quote',
    occurrences: '{n} occurrences', occurrence: '1 occurrence',
    entityTip: '{kind} · {count}', toggleKind: 'Show {kind} ({n})',
    kwicTitle: '“{word}” — {n} occurrences', kwicTitleOne: '“{word}” — 1 occurrence', none: 'None found.', kwicNone: 'No other occurrences of “{word}”.', jump: 'Go to occurrence {i}',
    summaryHint: 'Hover or focus a sentence to find it in the article.',
    lang_ar: 'Arabic', lang_en: 'English', lang_und: 'Undetermined', lang_mixed: 'Mixed',
    chartBars: 'Bar chart of the {n} most frequent words.', chartHistogram: 'Histogram: {n} sentences by length.',
    chartDispersion: 'Dispersion plot: each line is a word, each tick an occurrence from the start to the end of the text.',
    start: 'start', end: 'end', sentencesAxis: 'sentences', wordsAxis: 'words',
  },
  ar: {
    title: 'محلّل المقالات',
    tagline: 'الصق مقالًا إخباريًا. يُحلَّل على جهازك ولا يغادره أبدًا.',
    skip: 'انتقل إلى التحليل',
    themeDark: 'السمة الداكنة', themeLight: 'السمة الفاتحة',
    inputTitle: 'مقالك', textActions: 'النص', textLabel: 'نص المقال',
    openFile: 'افتح ملفًا…', samples: 'مقالات نموذجية', samplePick: 'جرّب مقالًا نموذجيًا…', clear: 'امسح',
    placeholder: 'الصق مقالًا هنا أو اكتبه، أو أسقط ملفًا — العربية أو English',
    words: 'الكلمات', sentences: 'الجمل', characters: 'المحارف', charactersNoSpaces: 'دون المسافات',
    exportGroup: 'التصدير', exportJson: 'JSON', exportFreq: 'التكرارات CSV', exportEntities: 'الكيانات CSV',
    exportHtml: 'HTML مُظلَّل', print: 'اطبع', share: 'انسخ رابط المشاركة',
    resultsTitle: 'التحليل', views: 'طرق العرض',
    tabArticle: 'المقال', tabStats: 'الإحصاءات', tabWords: 'الكلمات', tabEntities: 'الكيانات',
    summary: 'الملخّص', legend: 'أنواع الكيانات', articleLabel: 'المقال المحلَّل',
    articleHint: 'انقر كلمة أو اسمًا مظلَّلًا لترى كل مواضعه. تنقّل بين الأسماء بمفاتيح الأسهم.',
    sentenceHistogram: 'طول الجمل (كلمات في الجملة)',
    wordOptions: 'خيارات الكلمات', level: 'عُدّ الكلمات حسب', levelFolded: 'الصيغة الموحَّدة (دون تشكيل)',
    levelExact: 'الصيغة كما كُتبت', levelStemmed: 'الجذع (يجمع صيغ الكلمة)', hideStopwords: 'أخفِ الكلمات الشائعة',
    searchWords: 'ابحث في الكلمات', notInBuild: 'هذا الإصدار من المحلّل لا يوفّر هذا بعد.',
    freqCaption: 'تكرار الكلمات', colWord: 'الكلمة', colCount: 'العدد', colPerThousand: 'لكل ألف',
    topWords: 'الكلمات الأكثر تكرارًا', cloud: 'سحابة الكلمات', keywords: 'الكلمات المفتاحية', ngrams: 'العبارات المتكررة',
    dispersion: 'مواضع الكلمات الأكثر تكرارًا في النص', noEntities: 'لم يُعثر على كيانات.',
    close: 'أغلق',
    privacy: 'الخصوصية أولًا: لا خادم ولا تتبّع ولا طلبات لأطراف أخرى. يبقى نصك في هذا المتصفح فقط.',
    dropHere: 'أفلت الملف لفتحه',
    largeInfo: 'حُمِّل نص طويل: {size}، {chars} محرفًا.',
    largeHint: 'تُعرض النصوص بهذا الطول في عرض المقال فقط، لأن مربع نص بهذا الحجم يجمّد الصفحة. امسحه لتكتب من جديد.',
    analyzing: 'جارٍ تحليل {size}…', analyzedIn: 'حُلِّل في {ms} م.ث', rendering: 'جارٍ عرض المقال… {pct}٪',
    analyzingPct: 'جارٍ تحليل {size}… نحو {pct}٪ (تقدير من سرعة هذا الجهاز)', sendingPct: 'جارٍ تسليم {size} إلى المحلّل… {pct}٪',
    cancel: 'إلغاء', cancelled: 'أُلغي التحليل. نصك لم يتغيّر.', analyzeAgain: 'حلّل من جديد',
    limitTitle: 'هذا النص طويل جدًا',
    limitInfo: 'حجمه {size} ({chars} محرفًا). ما زاد على {limit} محرف قد يستغرق تحليله دقائق ويحتاج إلى غيغابايت من الذاكرة، لذا لا يبدأ تلقائيًا. يبقى نصك كاملًا هنا في الحالين.',
    limitPrefix: 'حلّل أول {limit} محرف', limitAll: 'حلّله كاملًا على أي حال',
    limitNotice: 'نص طويل جدًا: اختر طريقة تحليله.',
    prefixShown: 'يُعرض تحليل أول {shown} من {total} محرف.',
    emptyText: 'الصق مقالًا لترى تحليله.',
    loadedFile: 'فُتح «{name}» ({encoding}).', loadedSample: 'حُمِّل المقال النموذجي «{name}».',
    cleared: 'مُسح النص.', undo: 'تراجع', restored: 'عاد النص.',
    fileBinary: '«{name}» لا يبدو ملفًا نصيًا فلم يُفتح. نصك لم يتغيّر.',
    fileUnsupported: '«{name}»: ملفات {type} غير مدعومة. افتح ملف ‎.txt أو ‎.md أو ‎.html أو الصق النص. نصك لم يتغيّر.',
    fileDocx: 'تعذّرت قراءة «{name}» كمستند وورد — افتحه في معالج نصوص والصق نصه. نصك لم يتغيّر.',
    fileEmpty: '«{name}» لا يحوي نصًا مقروءًا. نصك لم يتغيّر.',
    fileError: 'تعذّرت قراءة «{name}»: {message}. نصك لم يتغيّر.',
    shareCopied: 'نُسخ رابط المشاركة. يحوي النص نفسه مضغوطًا — لا يُرفع أي شيء.',
    shareShown: 'رابط المشاركة جاهز في شريط العنوان (النسخ غير مسموح هنا).',
    shareTooLong: 'النص أطول من أن يوضع في رابط ({size} بعد الضغط، والحد {limit}). صدّره بدلًا من ذلك.',
    shareLoaded: 'فُتح النص من رابط المشاركة.', shareBroken: 'رابط المشاركة هذا تالف ولم يُفتح.',
    exported: 'حُفظ {name}.', storageOff: 'هذا المتصفح لا يسمح بحفظ النص؛ لن يبقى بعد إعادة التحميل.',
    workerError: 'توقف المحلّل: {message}',
    analyzerRestarted: 'تعطّل المحلّل على هذا النص وأُعيد تشغيله. نصّك لم يتغيّر؛ عدّله ليُحلَّل من جديد.',
    statBidiControls: 'محارف التحكم في الاتجاه', statBidiControlsHelp: 'محارف خفية (U+202A–202E و U+2066–2069) قد تعرض النص بترتيب يخالف ترتيب قراءته. راجع المقال قبل الوثوق بما تراه.',
    statWords: 'الكلمات', statWordsHelp: 'سلاسل الحروف أو الأرقام كما يقسّمها المحلّل.',
    statSentences: 'الجمل', statSentencesHelp: 'تُقسم عند علامات نهاية الجملة بالعربية والإنجليزية.',
    statCharacters: 'المحارف', statCharactersHelp: 'كل المحارف بما فيها المسافات.',
    statCharactersNoSpaces: 'المحارف دون مسافات', statCharactersNoSpacesHelp: 'الحروف والأرقام وعلامات الترقيم فقط.',
    statUniqueWords: 'الكلمات المختلفة', statUniqueWordsHelp: 'الكلمات المختلفة بعد توحيد التشكيل والهمزات.',
    statParagraphs: 'الفقرات', statParagraphsHelp: 'كتل النص التي تفصلها أسطر فارغة.',
    statAverageSentenceLength: 'كلمات في الجملة', statAverageSentenceLengthHelp: 'متوسط طول الجملة.',
    statAverageWordLength: 'حروف في الكلمة', statAverageWordLengthHelp: 'متوسط طول الكلمة بالمحارف.',
    statLexicalDensity: 'الكثافة المعجمية', statLexicalDensityHelp: 'نسبة كلمات المحتوى (غير الشائعة).',
    statTypeTokenRatio: 'تنوّع المفردات', statTypeTokenRatioHelp: 'الكلمات المختلفة مقسومة على كل الكلمات.',
    statReadingTimeSeconds: 'زمن القراءة', statReadingTimeSecondsHelp: 'بسرعة قراءة معتادة للغة.',
    statSpeakingTimeSeconds: 'زمن الإلقاء', statSpeakingTimeSecondsHelp: 'قراءةً بصوت عالٍ بوتيرة معتادة.',
    statReadability: 'سهولة القراءة', statReadabilityHelp: 'مؤشر سهولة القراءة للغة؛ الأعلى أسهل.',
    statLanguage: 'اللغة', statLanguageHelp: 'اللغة الرئيسية التي اكتشفها المحلّل.',
    minutes: '{m} د', seconds: '{s} ث',
    kind_person: 'شخص', kind_organization: 'منظمة', kind_location: 'مكان', kind_misc: 'اسم آخر',
    kind_date: 'تاريخ', kind_time: 'وقت', kind_number: 'عدد', kind_money: 'مال', kind_percent: 'نسبة',
    kind_quantity: 'كمية', kind_url: 'رابط', kind_email: 'بريد', kind_hashtag: 'وسم',
    kind_mention: 'إشارة', kind_quote: 'اقتباس',
    occurrences: '{n} مرات', occurrence: 'مرة واحدة',
    entityTip: '{kind} · {count}', toggleKind: 'أظهر {kind} ({n})',
    kwicTitle: '«{word}» — {n} مواضع', kwicTitleOne: '«{word}» — موضع واحد', none: 'لا شيء.', kwicNone: 'لا مواضع أخرى لـ«{word}».', jump: 'انتقل إلى الموضع {i}',
    summaryHint: 'مرّر المؤشر على جملة أو ركّز عليها لتجدها في المقال.',
    lang_ar: 'العربية', lang_en: 'الإنجليزية', lang_und: 'غير محددة', lang_mixed: 'مختلطة',
    chartBars: 'مخطط أعمدة لأكثر {n} كلمات تكرارًا.', chartHistogram: 'مدرّج تكراري: {n} جملة حسب الطول.',
    chartDispersion: 'مخطط التشتت: كل سطر كلمة، وكل علامة موضع لها من بداية النص إلى نهايته.',
    start: 'البداية', end: 'النهاية', sentencesAxis: 'جمل', wordsAxis: 'كلمات',
  },
};

const KEY = 'aa.lang';
let current = 'en';

/** The UI language: the saved choice, else the browser's. */
export function initialLanguage() {
  let saved = null;
  try { saved = localStorage.getItem(KEY); } catch { /* storage off */ }
  if (saved === 'ar' || saved === 'en') return saved;
  return (navigator.languages?.[0] ?? navigator.language ?? 'en').toLowerCase().startsWith('ar') ? 'ar' : 'en';
}

export function language() {
  return current;
}

/** Translates a key, filling {name} placeholders. */
export function t(key, values = {}) {
  const text = STRINGS[current][key] ?? STRINGS.en[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (_, name) => (values[name] ?? `{${name}}`));
}

/** Switches the UI language: <html lang dir>, every marked element, and remembers it. */
export function setLanguage(lang, { remember = false } = {}) {
  current = lang === 'ar' ? 'ar' : 'en';
  if (remember) {
    try { localStorage.setItem(KEY, current); } catch { /* storage off */ }
  }
  const root = document.documentElement;
  root.lang = current;
  root.dir = current === 'ar' ? 'rtl' : 'ltr';
  for (const el of document.querySelectorAll('[data-i18n]')) el.textContent = t(el.dataset.i18n);
  for (const el of document.querySelectorAll('[data-i18n-label]')) el.setAttribute('aria-label', t(el.dataset.i18nLabel));
  for (const el of document.querySelectorAll('[data-i18n-placeholder]')) el.placeholder = t(el.dataset.i18nPlaceholder);
  document.title = t('title');
}

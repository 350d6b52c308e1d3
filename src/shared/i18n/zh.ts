/** 中文界面文字。键必须与 en.ts 完全一致（类型检查与单元测试都会核对）。 */
import type { MessageKey } from './en';

export const zh: Record<MessageKey, string> = {
  'app.name': '云原生图鉴',
  /** The app's name in the other language, shown under the name. */
  'app.altName': 'Cloud Native Atlas',
  'app.loading': '正在加载…',
  'app.loadFailed': '应用无法连接到内部服务：{message}',
  'app.retry': '重试',
  'app.skipToContent': '跳到正文',

  'nav.label': '主导航',
  'nav.library': '资料库',
  'nav.search': '搜索',
  'nav.bookmarks': '书签',
  'nav.annotations': '批注',
  'nav.settings': '设置',

  'library.empty.title': '资料库正在准备中',
  'library.empty.body':
    'CNCF、服务网格、Kubernetes、Prometheus 等项目的学习笔记将按类别显示在这里，并附带你的阅读进度。',

  'search.empty.title': '搜索全部内容',
  'search.empty.body': '输入中文或英文，即可在笔记、章节、链接和术语表中即时搜索。',

  'bookmarks.empty.title': '还没有书签',
  'bookmarks.empty.body': '阅读时为笔记、章节或链接加上书签，它们会列在这里。',

  'annotations.empty.title': '还没有批注',
  'annotations.empty.body': '在笔记中划线并写下评论，你的批注会汇总在这里。',

  'settings.intro': '更改会立即生效，并保存在这台电脑上。',
  'settings.language.legend': '界面语言',
  'settings.language.system': '跟随系统（{language}）',
  'settings.language.zh': '中文',
  'settings.language.en': 'English',
  'settings.theme.legend': '主题',
  'settings.theme.light': '浅色',
  'settings.theme.dark': '深色',
  'settings.theme.system': '跟随系统',
  'settings.docs.legend': '打开官方文档的方式',
  'settings.docs.embedded': '在应用内打开',
  'settings.docs.embedded.hint': '在笔记旁的内嵌浏览面板中打开（浏览器模式下为新标签页）。',
  'settings.docs.external': '在系统浏览器中打开',
  'settings.docs.external.hint': '使用你的默认网页浏览器打开。',
  'settings.saved': '已保存',
  'settings.saveFailed': '设置未能保存：{message}',
  'settings.about.legend': '关于',
  'settings.about.version': '版本',
  'settings.about.mode': '运行方式',
  'settings.about.mode.electron': '桌面应用',
  'settings.about.mode.web': '浏览器模式',
  'settings.about.dataDir': '数据文件夹',

  'notice.storeRecovered': '无法读取你的{store}文件，应用已使用默认值启动。原文件已保留为 {movedTo}。',
  'notice.dismiss': '关闭',
  'notice.label': '通知',
};

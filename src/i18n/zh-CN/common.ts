import type { Catalog } from '../catalog.js';

/** 中文消息：通用（错误行、提示、列表），与 ../en/common.ts 一一对应。 */
export const common: Catalog['common'] = {
  errorPrefix: 'ckafka: 错误：',
  hintPrefix: '  提示：',
  prefixGap: '',
  listSeparator: '、',
  internalError: (detail) => `内部错误（ckafka 的缺陷）：${detail}`,
  internalErrorHint: '请连同所运行的命令一起报告此问题。',
  interruptedBy: (signal) => `已被 ${signal} 中断`,
  outputClosed: '输出已关闭',
  stdoutWriteFailed: (reason) => `写入标准输出失败：${reason}`,
  unknownLanguage: (value) => `CKAFKA_LANG=${value} 不是 ckafka 支持的语言`,
  unknownLanguageHint: '请使用 CKAFKA_LANG=zh-CN 或 CKAFKA_LANG=en，或不设置它以跟随 LC_ALL、LC_MESSAGES 和 LANG。',
};

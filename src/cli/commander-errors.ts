import { t } from '../i18n/index.js';

/**
 * commander's usage errors ("error: unknown option '--x'\n(Did you mean --y?)\n") in the current
 * language, recognised by their shapes (commander 14 has no hook for its words); flags, names and
 * values inside them are kept as typed. A shape not known here is passed on as commander wrote it.
 */
export function commanderErrorText(text: string): string {
  if (!text.startsWith('error: ')) return text;
  const [first = '', ...rest] = text.replace(/\n$/, '').split('\n');
  const lines = [`${t.common.errorPrefix}${t.common.prefixGap}${message(first.slice('error: '.length))}`, ...rest.map(suggestion)];
  return `${lines.join('\n')}\n`;
}

function message(text: string): string {
  let m: RegExpMatchArray | null;
  if ((m = /^unknown option '(.*)'$/s.exec(text))) return t.cli.unknownOption(m[1]!);
  if ((m = /^unknown command '(.*)'$/s.exec(text))) return t.cli.unknownCommand(m[1]!);
  if ((m = /^missing required argument '(.*)'$/s.exec(text))) return t.cli.missingArgument(m[1]!);
  if ((m = /^option '(.*)' argument missing$/s.exec(text))) return t.cli.optionArgumentMissing(m[1]!);
  if ((m = /^required option '(.*)' not specified$/s.exec(text))) return t.cli.requiredOptionMissing(m[1]!);
  if ((m = /^too many arguments for '(.*)'\. Expected (\d+) arguments? but got (\d+)\.$/s.exec(text))) {
    return t.cli.tooManyArgumentsFor(m[1]!, Number(m[2]), Number(m[3]));
  }
  if ((m = /^too many arguments\. Expected (\d+) arguments? but got (\d+)\.$/s.exec(text))) return t.cli.tooManyArguments(Number(m[1]), Number(m[2]));
  // The reason after "is invalid." is the parser's own message (ours, from the catalog already) or commander's choices.
  if ((m = /^option '(.*?)' argument '(.*?)' is invalid\. (.*)$/s.exec(text))) return t.cli.invalidOptionArgument(m[1]!, m[2]!, reason(m[3]!));
  if ((m = /^command-argument value '(.*?)' is invalid for argument '(.*?)'\. (.*)$/s.exec(text))) {
    return t.cli.invalidCommandArgument(m[1]!, m[2]!, reason(m[3]!));
  }
  return text;
}

function reason(text: string): string {
  const m = /^Allowed choices are (.*)\.$/s.exec(text);
  return m ? t.cli.allowedChoices(m[1]!.split(', ').join(t.common.listSeparator)) : text;
}

function suggestion(line: string): string {
  let m: RegExpMatchArray | null;
  if ((m = /^\(Did you mean one of (.*)\?\)$/.exec(line))) return t.cli.didYouMeanOneOf(m[1]!.split(', ').join(t.common.listSeparator));
  if ((m = /^\(Did you mean (.*)\?\)$/.exec(line))) return t.cli.didYouMean(m[1]!);
  return line;
}

#!/usr/bin/env bash
# Start-up cost of a message catalog: ckafka's plain typed catalog (src/i18n: objects of strings and
# arrow functions) against i18next, each as a CommonJS bundle built by esbuild the way
# scripts/bundle.mjs builds ckafka, holding the same 600 messages in English and Chinese, choosing
# the language from LANG and making one message. `node -e 0` is the floor. i18next is installed
# into a temporary directory (from the npm registry), not into the project.
#
#   bench/i18n.sh            # RUNS=40 (hyperfine, apt-get install hyperfine)
#   NODE=/path/to/node24 bench/i18n.sh
#   MEASURE=instructions RUNS=3 bench/i18n.sh   # instruction counts (valgrind), steady on a busy host
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-40}
NODE=${NODE:-node}
MESSAGES=${MESSAGES:-600}
work=$(mktemp -d)
trap '[ -n "${KEEP:-}" ] || rm -rf "$work"' EXIT

npm install --silent --prefix "$work" --no-save --no-package-lock i18next >/dev/null
version=$(node -p "require('$work/node_modules/i18next/package.json').version")

# The same messages for both: half plain strings, half with two arguments; Chinese of a typical length.
node - "$work" "$MESSAGES" <<'JS'
const [dir, count] = [process.argv[2], Number(process.argv[3])];
const fs = require('node:fs');
const en = [], zh = [], enJson = {}, zhJson = {};
for (let i = 0; i < count; i++) {
  const k = `message${i}`;
  if (i % 2) {
    en.push(`  ${k}: (topic, n) => \`topic \${topic}: \${n} messages could not be delivered, see the hint below (${i})\`,`);
    zh.push(`  ${k}: (topic, n) => \`主题 \${topic}：\${n} 条消息发送失败，请查看下面的提示（${i}）\`,`);
    enJson[k] = `topic {{topic}}: {{n}} messages could not be delivered, see the hint below (${i})`;
    zhJson[k] = `主题 {{topic}}：{{n}} 条消息发送失败，请查看下面的提示（${i}）`;
  } else {
    en.push(`  ${k}: 'the consumer group is still active; stop its members first (${i})',`);
    zh.push(`  ${k}: '消费分组仍有活跃成员，请先停止这些成员（${i}）',`);
    enJson[k] = `the consumer group is still active; stop its members first (${i})`;
    zhJson[k] = `消费分组仍有活跃成员，请先停止这些成员（${i}）`;
  }
}
fs.writeFileSync(`${dir}/plain.ts`, `
const en = {\n${en.join('\n')}\n};
const zh: typeof en = {\n${zh.join('\n')}\n};
const lang = process.env.LANG ?? '';
const t = lang.startsWith('zh') ? zh : en;
process.stdout.write(t.message1('orders', 3) + '\\n');
`);
fs.writeFileSync(`${dir}/i18next.ts`, `
import i18next from 'i18next';
const resources = { en: { translation: ${JSON.stringify(enJson)} }, 'zh-CN': { translation: ${JSON.stringify(zhJson)} } };
const lang = process.env.LANG ?? '';
i18next.init({ lng: lang.startsWith('zh') ? 'zh-CN' : 'en', resources, initImmediate: false, showSupportNotice: false });
process.stdout.write(i18next.t('message1', { topic: 'orders', n: 3 }) + '\\n');
`);
JS
for name in plain i18next; do
  npx esbuild "$work/$name.ts" --bundle --platform=node --format=cjs --charset=ascii --minify-syntax \
    --log-level=warning --outfile="$work/$name.cjs" --node-paths="$work/node_modules" 2>/dev/null ||
    NODE_PATH="$work/node_modules" npx esbuild "$work/$name.ts" --bundle --platform=node --format=cjs --charset=ascii --log-level=warning --outfile="$work/$name.cjs"
done
echo "i18next $version, $MESSAGES messages per language; bundles: plain $(wc -c < "$work/plain.cjs") B, i18next $(wc -c < "$work/i18next.cjs") B"
LANG=zh_CN.UTF-8 "$NODE" "$work/plain.cjs"
LANG=zh_CN.UTF-8 "$NODE" "$work/i18next.cjs"
if [ "${MEASURE:-time}" = instructions ]; then
  # Instructions counted by valgrind (callgrind): the same for the same run whatever else the
  # machine does, where wall time on a shared host moves by tens of percent.
  echo
  echo "| command | instructions (median of $RUNS) | over \`node -e 0\` |"
  echo "| --- | --- | --- |"
  base=""
  for c in "C|-e 0" "C.UTF-8|$work/plain.cjs" "zh_CN.UTF-8|$work/plain.cjs" "C.UTF-8|$work/i18next.cjs" "zh_CN.UTF-8|$work/i18next.cjs"; do
    lang=${c%%|*}; target=${c#*|}
    counts=()
    for _ in $(seq "$RUNS"); do
      # shellcheck disable=SC2086
      counts+=("$(env LANG="$lang" valgrind --tool=callgrind --callgrind-out-file=/dev/null "$NODE" $target 2>&1 >/dev/null | sed -n 's/.*Collected : \([0-9]*\).*/\1/p')")
    done
    median=$(printf '%s\n' "${counts[@]}" | sort -n | sed -n "$(( (RUNS + 1) / 2 ))p")
    [ -n "$base" ] || base=$median
    name=$([ "$target" = "-e 0" ] && echo "node -e 0" || echo "LANG=$lang node $(basename "$target")")
    echo "| \`$name\` | $median | +$(( (median - base) / 1000000 )) M |"
  done
  exit 0
fi
hyperfine -N --warmup 5 --runs "$RUNS" --export-markdown "$work/table.md" \
  "$NODE -e 0" \
  "env LANG=C.UTF-8 $NODE $work/plain.cjs" "env LANG=zh_CN.UTF-8 $NODE $work/plain.cjs" \
  "env LANG=C.UTF-8 $NODE $work/i18next.cjs" "env LANG=zh_CN.UTF-8 $NODE $work/i18next.cjs" >&2
echo
sed "s#$work/##g" "$work/table.md"

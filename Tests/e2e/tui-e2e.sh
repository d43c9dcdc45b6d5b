#!/usr/bin/env bash
# End-to-end test of the real `luckygas` binary in a real terminal (tmux), on a copy of the
# sample branch: wrong password, sign-in, lookup by one Chinese character, an order of two
# items, confirm, find it in the order list, cancel it, F1 and Esc on every screen, resize
# 80x24 -> 200x50 -> 60x20 -> 80x24, F10; then an accountant: invoices, the QR preview, tracks,
# the upload board; then an administrator adds a user, resets a password and changes a
# parameter with a reason, the new user is made to choose a password at sign-in and the order
# screen uses the new parameter; and a dispatcher's key bars hold only keys that work.
#   usage: Tests/e2e/tui-e2e.sh [path/to/luckygas]
set -uo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
BIN=${1:-$ROOT/.build/debug/luckygas}
WORK=$(mktemp -d)
SOCK=luckygas-e2e-$$
T=(tmux -L "$SOCK" -f /dev/null)
export LANG=C.UTF-8 LC_ALL=C.UTF-8
passed=0
failed=0
trap '"${T[@]}" kill-server >/dev/null 2>&1; rm -rf "$WORK"' EXIT

screen() { "${T[@]}" capture-pane -p -t app 2>/dev/null; }
# Waits (up to 15 s; the CI machine is small) until the screen shows the text.
wait_for() {
    for _ in $(seq 1 300); do screen | grep -qF -- "$1" && return 0; sleep 0.05; done
    return 1
}
wait_gone() {
    for _ in $(seq 1 300); do screen | grep -qF -- "$1" || return 0; sleep 0.05; done
    return 1
}
absent() {  # absent NAME TEXT: the screen (already settled) does not show TEXT
    if screen | grep -qF -- "$2"; then
        failed=$((failed + 1))
        echo "FAIL: $1 (did not expect: $2)"
        screen | sed 's/^/    | /'
    else
        passed=$((passed + 1))
    fi
}
check() {  # check NAME TEXT: records a step
    if wait_for "$2"; then
        passed=$((passed + 1))
    else
        failed=$((failed + 1))
        echo "FAIL: $1 (expected to see: $2)"
        screen | sed 's/^/    | /'
    fi
}
keys() { "${T[@]}" send-keys -t app "$@"; }
# Ends the session and waits for the tmux server to be gone: a new session started while the
# last one's server is still exiting dies with "server exited unexpectedly".
end_session() {
    "${T[@]}" kill-session -t app >/dev/null 2>&1
    for _ in $(seq 1 100); do "${T[@]}" list-sessions >/dev/null 2>&1 || return 0; sleep 0.05; done
}
text() { "${T[@]}" send-keys -t app -l "$1"; }
# F1 shows the help of the screen titled $1; any key closes it; the title is still there.
help_and_back() {
    keys F1
    check "F1 on $1" "說明：$1"
    keys Escape
    if wait_gone "說明：$1"; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAIL: help on $1 did not close"; fi
    check "title after help on $1" "│ $1"
}

# The branch is a demo copy of the sample, made the way start.sh makes it.
LUCKYGAS_HOME="$ROOT" "$BIN" db init --sample --db "$WORK/branch.db" >/dev/null || { echo "FAIL: db init --sample"; exit 1; }
"${T[@]}" new-session -d -s app -x 80 -y 24 \
    "cd '$WORK' && TERM=tmux-256color LUCKYGAS_HOME='$ROOT' '$BIN' --db '$WORK/branch.db' 2>'$WORK/err'; echo EXIT=\$? >>'$WORK/err'; sleep 60"

check "sign-in screen" "F2登入"
help_and_back "登入"
text counter; keys Enter; text wrong-password; keys Enter
check "wrong password refused" "帳號或密碼錯誤"
keys Escape
text counter; keys Enter; text counter; keys Enter
check "signed in" "│ 主選單"
help_and_back "主選單"

# Customer lookup by one Chinese character, detail, back.
text 1
check "lookup" "│ 客戶查詢"
help_and_back "客戶查詢"
text 王
check "one character finds 王大明" "C000123 王大明"
keys Enter
check "customer detail" "│ 客戶資料 C000123"
help_and_back "客戶資料 C000123"
keys F4
check "edit form" "│ 修改客戶 C000123"
help_and_back "修改客戶 C000123"
keys Escape
check "back to detail" "│ 客戶資料 C000123"
keys Escape
check "back to lookup, search kept" "查詢：王"
keys Escape Escape
check "back to menu" "│ 主選單"

# An order of two items for 王大明, confirmed.
text 2
check "order entry" "│ 訂單輸入"
help_and_back "訂單輸入"
text 王; keys Enter
check "customer picker" "│ 選擇客戶"
help_and_back "選擇客戶"
keys Enter
check "customer chosen" "C000123 王大明"
# Deliver two or more days ahead, on a day the calendar takes: an order for this morning is past
# its cancellation deadline (slot start - 4 h) from 04:00 Taipei time on, and the cancel below
# must not depend on the hour the test runs.
ahead=2
while :; do
    day=$(TZ=Asia/Taipei date -d "+$ahead day" +%F)
    if [ "$(TZ=Asia/Taipei date -d "+$ahead day" +%u)" != 7 ] && ! grep -q "^$day,.*,0" "$ROOT/Resources/holidays.csv"; then break; fi
    ahead=$((ahead + 1))
done
keys BTab BTab; text "${day//-/}"; keys Tab Tab
check "delivery date" "$day"
text P001; keys Enter; text 2; keys Tab
check "first item priced" "20kg 瓦斯桶 2x"
keys F3
check "product picker" "│ 選擇品項"
help_and_back "選擇品項"
text 調壓
check "picker filtered" "瓦斯調壓器"
keys Enter
check "second item priced" "瓦斯調壓器 1x450"
check "live total" "合計"
keys F2
check "confirm dialog" "確認下單？"
text y
check "order placed" "訂單已建立"
check "text message queued" "簡訊已排入傳送佇列"
ORDER=$(screen | grep -o 'O-[0-9]\{8\}-[0-9]\{6\}' | head -1)
keys Enter
wait_gone "訂單已建立"
keys Escape
check "menu after order" "│ 主選單"

# The order in the list, opened and cancelled.
text 3
check "order list" "│ 訂單查詢"
help_and_back "訂單查詢"
keys Tab Tab Tab; text C000123
check "list shows the new order" "$ORDER"
keys Enter
text "$ORDER"   # type-ahead filter of the list
check "filtered to the order" "第 1/1"
keys Enter
check "order detail" "│ 訂單 $ORDER"
help_and_back "訂單 $ORDER"
keys F8
check "cancel asks a reason" "取消訂單 $ORDER"
text 客戶改期; keys Enter
check "cancelled" "已取消訂單 $ORDER"
keys Escape
check "back to list" "│ 訂單查詢"
keys Escape   # clears the list's filter
wait_gone "篩選「"
keys Escape
# Esc then a digit within the escape delay would be F1-F10 (Esc+digit), so wait for the menu.
check "menu after the list" "│ 主選單"

# Credit check, what-if.
text 4
check "credit screen" "│ 信用查詢"
help_and_back "信用查詢"
text C000123; keys Enter; text 1000
check "what-if" "試算 NT\$1,000"
keys Escape
check "menu again" "│ 主選單"

# Resize: 200x50, too small, back to 80x24.
"${T[@]}" resize-window -t app -x 200 -y 50
check "200x50 key bar" "F10離開"
lines=$(screen | wc -l)
if [ "$lines" -eq 50 ] && screen | tail -1 | grep -q "^F1說明"; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAIL: key bar not on row 50 ($lines rows)"; fi
"${T[@]}" resize-window -t app -x 60 -y 20
check "too small" "視窗太小（60x20）"
"${T[@]}" resize-window -t app -x 80 -y 24
check "back to 80x24" "│ 主選單"

keys F10
for _ in $(seq 1 200); do grep -q "EXIT=" "$WORK/err" 2>/dev/null && break; sleep 0.05; done
if grep -q "EXIT=0" "$WORK/err"; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAIL: F10 did not exit cleanly:"; cat "$WORK/err"; fi

# An accountant: invoice list, an invoice with its QR code (libqrencode, half blocks), tracks, uploads.
end_session
# A bank statement waiting for the matching screen (suggestions only, nothing posted).
LUCKYGAS_PASSWORD=accountant "$BIN" bank import "$ROOT/Tests/Fixtures/bank/mt940/own_twd_va_rc_rd.sta" \
    --db "$WORK/branch.db" --user accountant --no-auto >/dev/null
"${T[@]}" new-session -d -s app -x 100 -y 50 \
    "cd '$WORK' && TERM=tmux-256color LUCKYGAS_HOME='$ROOT' '$BIN' --db '$WORK/branch.db' 2>'$WORK/err2'; sleep 60"
check "sign-in again" "F2登入"
text accountant; keys Enter; text accountant; keys Enter
check "accountant menu" "發票查詢"
text 4
check "invoice list" "│ 發票查詢"
check "deadline warning line" "上傳期限"
help_and_back "發票查詢"
keys Down; keys Enter
check "invoice detail" "隨機碼"
keys F4
check "left QR code" "左側 QR 碼"
check "QR drawn in half blocks" "▀"
keys F4
check "right QR code" "右側 QR 碼"
keys Escape
check "details again" "隨機碼"
keys Escape
check "back to the list" "│ 發票查詢"
keys F7
check "tracks" "│ 字軌配號"
keys Escape
keys F6
check "upload board" "F0401"
keys Escape; keys Escape
check "menu after invoices" "│ 主選單"

# Receivables: a payment allocated oldest first, bank matching with a rejection, the drivers' day,
# aging with its drill-down, credit holds.
text 7
check "payment entry" "│ 收款沖銷"
text C000032; keys Enter
check "customer's open items" "AA76000110"
text 1000; keys F5
check "auto allocation leaves nothing unapplied" "本次沖銷 1,000  未沖銷 0"
keys F2
check "payment confirm" "確認登錄收款？"
text y
check "receipt number shown" "已登錄 RCP-"
keys Escape
check "menu after the payment" "│ 主選單"
text 8
check "bank matching" "│ 銀行對帳"
check "imported line with its reason" "52,500"
keys F8
check "reject asks a reason" "退回對帳明細"
text "非本公司款項"; keys Enter
check "line rejected" "待處理 2 筆"
keys Escape
check "menu after matching" "│ 主選單"
text 9
check "driver settlement" "│ 司機繳款"
keys Escape
check "menu after settlement" "│ 主選單"
keys Down; keys Enter
check "aging" "│ 帳齡分析"
check "aging DSO line" "DSO"
keys Enter
check "aging drill-down with the virtual account" "虛擬帳號"
keys Escape
check "aging again" "│ 帳齡分析"
keys Escape
check "menu after aging" "│ 主選單"
keys Down; keys Enter
check "credit holds" "│ 信用凍結"
check "automatic overdue hold listed" "逾期"
keys Escape
check "menu after receivables" "│ 主選單"

# An administrator: a new user, a password reset, a parameter changed with a reason.
end_session
"${T[@]}" new-session -d -s app -x 80 -y 24 \
    "cd '$WORK' && TERM=tmux-256color LUCKYGAS_HOME='$ROOT' '$BIN' --db '$WORK/branch.db' 2>'$WORK/err3'; sleep 60"
check "sign-in for the administrator" "F2登入"
text admin; keys Enter; text admin; keys Enter
check "admin menu" "使用者管理"
absent "admin menu has no order entry" "訂單輸入"
text 4
check "users" "│ 使用者管理"
check "users list columns" "最後登入"
help_and_back "使用者管理"
keys F2
check "add user box" "新增使用者"
text lin; keys Enter; text 林小姐; keys Enter; keys Enter
text short; keys Enter; text short; keys Enter
check "short password refused in the box" "密碼至少需 8 個字元"
text lin-first-1; keys Enter; text lin-first-1; keys Enter
check "user added" "已新增 lin"
check "new user must change" "待改密碼"
keys Home Down Down   # accountant, admin, counter
check "counter selected offers a reset" "F3重設密碼"
keys F3
check "reset box" "重設密碼 counter"
text counter-temp-1; keys Enter; text counter-temp-1; keys Enter
check "password reset" "已重設 counter 的密碼"
keys Escape
check "menu after users" "│ 主選單"
text 5
check "settings" "│ 參數設定"
help_and_back "參數設定"
text cancellation_window
check "settings filtered" "order.cancellation_window_hours"
keys Enter
check "edit box says the kind" "整數 ≥ 0"
keys C-u; text 6; keys Enter; text 颱風季延長取消期限; keys Enter
check "parameter saved" "已儲存 order.cancellation_window_hours = 6"
keys Escape   # clears the filter
wait_gone "篩選："
keys Escape
check "menu after settings" "│ 主選單"
keys Escape
check "sign out asked" "登出？"
text y
check "signed out" "已登出"
# The reset user is made to change the password before the menu.
text counter; keys Enter; text counter-temp-1; keys Enter
check "reset user must change the password" "您的密碼由管理員設定"
text counter-own-pass; keys Enter; text counter-own-pass; keys Enter
check "password changed, menu" "密碼已變更"
keys Escape
check "sign out again" "登出？"
text y
# The new user too; then an order cancellable until 6 hours (the new parameter) before its slot.
text lin; keys Enter; text lin-first-1; keys Enter
check "new user must choose a password" "您的密碼由管理員設定"
text lin-own-pass-1; keys Enter; text lin-own-pass-1; keys Enter
check "new user's menu" "訂單輸入"
text 2
check "order entry for the new user" "│ 訂單輸入"
text 王; keys Enter
check "customer picker (new user)" "│ 選擇客戶"
keys Enter
check "customer chosen (new user)" "C000123 王大明"
keys BTab BTab; text "${day//-/}"; keys Tab Tab
text P001; keys Enter; text 2; keys Tab
check "item priced (new user)" "20kg 瓦斯桶 2x"
keys F2
check "confirm (new user)" "確認下單？"
text y
check "order placed (new user)" "訂單已建立"
ORDER2=$(screen | grep -o 'O-[0-9]\{8\}-[0-9]\{6\}' | head -1)
keys Enter
wait_gone "訂單已建立"
keys Escape
check "menu (new user)" "│ 主選單"
text 3
check "order list (new user)" "│ 訂單查詢"
keys Tab Tab Tab; text C000123
check "the new order listed" "$ORDER2"
keys Enter; text "$ORDER2"
check "filtered (new user)" "第 1/1"
keys Enter
check "order detail (new user)" "│ 訂單 $ORDER2"
check "deadline from the new parameter: 08:00 less 6 h" "$day 02:00"
keys F10
for _ in $(seq 1 200); do grep -q "" "$WORK/err3" 2>/dev/null && break; sleep 0.05; done

# A dispatcher: the key bars hold only keys that work.
end_session
"${T[@]}" new-session -d -s app -x 80 -y 24 \
    "cd '$WORK' && TERM=tmux-256color LUCKYGAS_HOME='$ROOT' '$BIN' --db '$WORK/branch.db' 2>'$WORK/err4'; sleep 60"
check "sign-in for the dispatcher" "F2登入"
text dispatcher; keys Enter; text dispatcher; keys Enter
check "dispatcher menu" "│ 主選單"
text 1
check "dispatcher lookup" "│ 客戶查詢"
text 王
check "dispatcher finds 王大明" "C000123 王大明"
absent "no new-customer key for a dispatcher" "F4新增"
absent "no order key for a dispatcher" "F6下單"
absent "no credit key for a dispatcher" "F7信用"
keys F1
check "dispatcher help" "說明：客戶查詢"
absent "help offers no order key" "F6              下單"
keys Escape
wait_gone "說明：客戶查詢"
keys C-u Escape
check "dispatcher menu again" "│ 主選單"
text 2
check "dispatcher order list" "│ 訂單查詢"
keys Tab Tab Tab; text C000123
check "dispatcher sees the new user's order" "$ORDER2"
keys Enter; text "$ORDER2"
check "dispatcher filtered" "第 1/1"
absent "no cancel key in the list for a dispatcher" "F8取消訂單"
keys Enter
check "dispatcher order detail" "│ 訂單 $ORDER2"
check "a dispatcher may deliver" "F6送達開票"
absent "no cancel key in the detail for a dispatcher" "F8取消訂單"

echo "tui-e2e: $passed passed, $failed failed"
[ "$failed" -eq 0 ]

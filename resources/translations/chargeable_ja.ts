<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP">
<context>
    <name>ActionBar</name>
    <message>
        <location filename="../../gui/panes/action_bar.py" line="+154"/>
        <location line="+73"/>
        <source>Actions: select an object</source>
        <translation>操作: オブジェクトを選択してください</translation>
    </message>
    <message>
        <location line="-72"/>
        <location line="+74"/>
        <source>No actions</source>
        <translation>操作なし</translation>
    </message>
    <message>
        <location line="-73"/>
        <location line="+75"/>
        <source>Actions</source>
        <translation>操作</translation>
    </message>
    <message>
        <location line="-71"/>
        <location line="+89"/>
        <source>Clock %1</source>
        <translation>時計 %1</translation>
    </message>
    <message>
        <location line="-81"/>
        <source>Try anyway</source>
        <translation>とにかく試す</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The simulated clock (UTC). Sources expire when it passes their window.</source>
        <translation>模擬時計 (UTC)。時計が期限を過ぎると、ソースは期限切れになります。</translation>
    </message>
    <message>
        <location line="+65"/>
        <source>Unverified — </source>
        <translation>未検証 — </translation>
    </message>
    <message>
        <location line="-72"/>
        <location line="+75"/>
        <source>Blocked — </source>
        <translation>ブロック中 — </translation>
    </message>
</context>
<context>
    <name>AmountFields</name>
    <message>
        <location filename="../../gui/dialogs/_widgets.py" line="+178"/>
        <source>A three-letter currency the sandbox knows, e.g. usd.</source>
        <translation>サンドボックスが対応する 3 文字の通貨コード (例: usd)。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Whole number in the smallest unit (1099 means 10.99).</source>
        <translation>最小単位の整数 (1099 は 10.99 を表します)。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Stripe&apos;s minimum charge is {min} {currency}.</source>
        <translation>Stripe の最低請求額は {min} {currency} です。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>At most 8 digits.</source>
        <translation>8 桁までです。</translation>
    </message>
</context>
<context>
    <name>CancelIntentDialog</name>
    <message>
        <location filename="../../gui/dialogs/intent_steps.py" line="+154"/>
        <source>Cancel Intent</source>
        <translation>インテントのキャンセル</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel the intent</source>
        <translation>インテントをキャンセル</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>(no reason)</source>
        <translation>（理由なし）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>canceled is terminal; an authorized amount is released (§3.2 T16).</source>
        <translation>canceled は終端状態です。オーソリ済みの金額は解放されます（§3.2 T16）。</translation>
    </message>
</context>
<context>
    <name>CaptureIntentDialog</name>
    <message>
        <location line="-46"/>
        <location line="+1"/>
        <source>Capture</source>
        <translation>キャプチャー</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Amount to capture</source>
        <translation>キャプチャ金額</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>At most amount_capturable = {amount} {currency}; a partial capture releases the rest (§3.2 T15).</source>
        <translation>上限は amount_capturable = {amount} {currency}。一部だけキャプチャすると残りは解放されます（§3.2 T15）。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>A whole number in the smallest unit, 1 or more.</source>
        <translation>最小単位の整数で、1 以上。</translation>
    </message>
</context>
<context>
    <name>CardPicker</name>
    <message>
        <location filename="../../gui/dialogs/_widgets.py" line="-150"/>
        <source>Type a number…</source>
        <translation>番号を入力…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Card number, digits only</source>
        <translation>カード番号 (数字のみ)</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>Type a card number or pick a test card.</source>
        <translation>カード番号を入力するか、テストカードを選んでください。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A card number has digits only.</source>
        <translation>カード番号は数字のみです。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A card number has 12 to 19 digits.</source>
        <translation>カード番号は 12〜19 桁です。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Fails the Luhn check: Stripe answers incorrect_number.</source>
        <translation>Luhn チェックに通りません: Stripe は incorrect_number を返します。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Not a test card: in test mode Stripe declines it (test_mode_live_card). Never type a real card number.</source>
        <translation>テストカードではありません: テストモードでは Stripe が拒否します (test_mode_live_card)。本物のカード番号は絶対に入力しないでください。</translation>
    </message>
</context>
<context>
    <name>ChargeDialog</name>
    <message>
        <location filename="../../gui/dialogs/charge.py" line="+54"/>
        <source>A token</source>
        <translation>トークン</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A source, not attached</source>
        <translation>ソース (関連付けなし)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A customer (its default source)</source>
        <translation>顧客 (その既定のソース)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A customer and one of its attached sources</source>
        <translation>顧客と、関連付け済みのソースの 1 つ</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A customer and an unattached single-use source</source>
        <translation>顧客と、関連付けていない single_use (使い捨て) のソース</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A customer and a token that is not attached</source>
        <translation>顧客と、関連付けていないトークン</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Charges the card in the token. The token becomes used, even if the charge is declined.</source>
        <translation>トークン内のカードに請求します。請求が拒否されても、トークンは使用済み (used) になります。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Charges the source. A single-use source becomes consumed; a reusable source is consumed too: attach it to a customer first to charge it again.</source>
        <translation>ソースに請求します。single_use (使い捨て) のソースは consumed (消費した) になります。reusable (再利用可能) のソースも consumed になります。再度請求するには、先に顧客に関連付けてください。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Charges the customer&apos;s default_source. Stripe refuses it when the customer has none.</source>
        <translation>顧客の default_source に請求します。顧客に default_source がなければ Stripe は拒否します。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The required form for attached cards, bank accounts and sources. A reusable source stays chargeable.</source>
        <translation>関連付け済みのカード、銀行口座、ソースにはこの形式が必要です。reusable (再利用可能) のソースは chargeable (請求可能) のままです。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Charges the source and records the customer on the charge, without attaching the source.</source>
        <translation>ソースに請求し、ソースを関連付けずに請求に顧客を記録します。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Stripe refuses it: the customer does not have a linked source with that token&apos;s id. Attach the token first, then charge the card_… it becomes.</source>
        <translation>Stripe は拒否します: 顧客にはそのトークンの ID を持つソースが紐付いていません。先にトークンを関連付け、その結果できる card_… に請求してください。</translation>
    </message>
    <message>
        <location line="+47"/>
        <location line="+1"/>
        <location line="+7"/>
        <source>Charge</source>
        <translation>請求</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Customer</source>
        <translation>顧客</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Source</source>
        <translation>ソース</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>in the currency&apos;s smallest unit</source>
        <translation>通貨の最小単位</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Amount</source>
        <translation>金額</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Currency</source>
        <translation>通貨</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Capture now</source>
        <translation>今すぐキャプチャー</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Untick to only authorize (capture=false): an uncaptured charge expires after 7 days.</source>
        <translation>オーソリのみにするにはチェックを外します (capture=false)。キャプチャーされない請求は 7 日後に期限切れになります。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>optional</source>
        <translation>任意</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Description</source>
        <translation>説明</translation>
    </message>
    <message>
        <location line="+109"/>
        <source>Sends: {request}
{explanation}</source>
        <translation>送信: {request}
{explanation}</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>{token}  (test token)</source>
        <translation>{token}  (テストトークン)</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>Choose or type a customer (cus_…).</source>
        <translation>顧客を選ぶか入力してください (cus_…)。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A customer id starts with cus_.</source>
        <translation>顧客 ID は cus_ で始まります。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Choose or type what to charge ({prefixes}).</source>
        <translation>請求する対象を選ぶか入力してください ({prefixes})。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>In this combination the source starts with {prefixes}.</source>
        <translation>この組み合わせでは、source は {prefixes} で始まります。</translation>
    </message>
</context>
<context>
    <name>CodeBox</name>
    <message>
        <location filename="../../gui/widgets/code_box.py" line="+97"/>
        <source>Copy</source>
        <translation>コピー</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy this code to the clipboard</source>
        <translation>このコードをクリップボードにコピー</translation>
    </message>
</context>
<context>
    <name>CommandPalette</name>
    <message>
        <location filename="../../gui/panes/command_palette.py" line="+105"/>
        <source>Command palette</source>
        <translation>コマンドパレット</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Type a command…</source>
        <translation>コマンドを入力…</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>No command matches.</source>
        <translation>一致するコマンドはありません。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>↑ ↓ to choose, Enter to run, Esc to close</source>
        <translation>↑ ↓ で選択、Enter で実行、Esc で閉じる</translation>
    </message>
</context>
<context>
    <name>Commands</name>
    <message>
        <location filename="../../gui/commands/table.py" line="+45"/>
        <source>&amp;New Session</source>
        <extracomment>more shortcuts, always on (e.g. Ctrl++ beside Ctrl+=) shortcuts added only while presenter mode is on (Space, arrows, Esc)</extracomment>
        <translation>新規セッション(&amp;N)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Start an empty sandbox</source>
        <translation>空のサンドボックスで始める</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Open…</source>
        <translation>開く(&amp;O)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open a *.chargeable.json session</source>
        <translation>*.chargeable.json のセッションを開く</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save the session</source>
        <translation>セッションを保存</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Save &amp;As…</source>
        <translation>名前を付けて保存(&amp;A)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save the session under a new name</source>
        <translation>セッションを新しい名前で保存</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Serve the &amp;API on 127.0.0.1:12111</source>
        <translation>127.0.0.1:12111 で API を提供(&amp;A)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Run a local Stripe-compatible API: objects your own client code creates appear here live (chargeable --serve)</source>
        <translation>Stripe 互換の API をローカルで動かします: 自分のクライアントコードが作成したオブジェクトがここにリアルタイムで表示されます (chargeable --serve)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Quit</source>
        <translation>終了(&amp;Q)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Close Chargeable</source>
        <translation>Chargeable を閉じる</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Undo</source>
        <translation>元に戻す(&amp;U)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Take back the last accepted request</source>
        <translation>最後に受理されたリクエストを取り消す</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Redo</source>
        <translation>やり直す(&amp;R)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Send again the request you took back</source>
        <translation>取り消したリクエストをもう一度送信</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Copy Object &amp;Id</source>
        <translation>オブジェクト ID をコピー(&amp;I)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Copy the selected object&apos;s id</source>
        <translation>選択したオブジェクトの ID をコピー</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Filter Objects…</source>
        <translation>オブジェクトを絞り込む(&amp;F)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Filter the object list by id, type or e-mail</source>
        <translation>オブジェクト一覧を ID、種類、メールアドレスで絞り込む</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Command &amp;Palette…</source>
        <translation>コマンドパレット(&amp;P)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Search every command by name</source>
        <translation>すべてのコマンドを名前で検索</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>New &amp;Source…</source>
        <translation>新規ソース(&amp;S)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>POST /v1/sources</source>
        <translation>POST /v1/sources</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>New &amp;Token…</source>
        <translation>新規トークン(&amp;T)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>POST /v1/tokens</source>
        <translation>POST /v1/tokens</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>New C&amp;ustomer…</source>
        <translation>新規顧客(&amp;U)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>POST /v1/customers</source>
        <translation>POST /v1/customers</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>New &amp;Charge…</source>
        <translation>新規請求(&amp;C)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>POST /v1/charges</source>
        <translation>POST /v1/charges</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>New Payment&amp;Method…</source>
        <translation>新しい PaymentMethod(&amp;M)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>POST /v1/payment_methods</source>
        <translation>POST /v1/payment_methods</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>New &amp;PaymentIntent…</source>
        <translation>新しい PaymentIntent(&amp;P)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>POST /v1/payment_intents</source>
        <translation>POST /v1/payment_intents</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>New Setup&amp;Intent…</source>
        <translation>新しい SetupIntent(&amp;I)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>POST /v1/setup_intents</source>
        <translation>POST /v1/setup_intents</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Charge</source>
        <translation>請求(&amp;C)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Charge the selected source or token</source>
        <translation>選択したソースまたはトークンに請求</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Attach to Customer…</source>
        <translation>顧客に関連付け(&amp;A)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Attach to a customer</source>
        <translation>顧客に関連付ける</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Detach</source>
        <translation>関連付けを解除(&amp;D)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Detach from its customer</source>
        <translation>顧客との関連付けを解除</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Set as D&amp;efault</source>
        <translation>既定に設定(&amp;E)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Make it the customer&apos;s default_source</source>
        <translation>顧客の default_source にする</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Customer &amp;Authorizes</source>
        <translation>顧客が承認(&amp;A)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The customer authorizes the redirect</source>
        <translation>顧客がリダイレクト先で承認する</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Customer &amp;Fails</source>
        <translation>顧客が失敗(&amp;F)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The customer declines or aborts the redirect</source>
        <translation>顧客がリダイレクト先で拒否または中断する</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Funds Arrive</source>
        <translation>入金あり(&amp;F)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The customer pushes the funds</source>
        <translation>顧客が資金を送金する</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Verify Code…</source>
        <translation>コードを確認(&amp;V)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Enter the verification code</source>
        <translation>確認コードを入力</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Ca&amp;pture</source>
        <translation>キャプチャー(&amp;P)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Capture an authorized charge</source>
        <translation>オーソリ済みの請求をキャプチャー</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Refund</source>
        <translation>返金(&amp;R)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Refund the charge</source>
        <translation>請求を返金</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Run the Clock to Its &amp;Timer</source>
        <translation>タイマーまで時計を進める(&amp;T)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Move the clock to the moment the selected object&apos;s timer fires (expiry, settlement)</source>
        <translation>選択したオブジェクトのタイマーが作動する時刻 (期限切れ、決済確定) まで時計を進める</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Confirm the PaymentIntent or SetupIntent</source>
        <translation>PaymentIntent または SetupIntent を確定する</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>C&amp;onfirm…</source>
        <translation>確定(&amp;O)…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Cance&amp;l Intent…</source>
        <translation>インテントをキャンセル(&amp;L)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cancel the PaymentIntent or SetupIntent</source>
        <translation>PaymentIntent または SetupIntent をキャンセルする</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Try Anyway</source>
        <translation>とにかく試す(&amp;T)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Let blocked actions send their request, to see Stripe&apos;s real error</source>
        <translation>ブロックされた操作でもリクエストを送信し、Stripe の実際のエラーを確認する</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Advance &amp;1 Hour</source>
        <translation>1 時間進める(&amp;1)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Move the simulated clock 1 hour on</source>
        <translation>模擬時計を 1 時間進める</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Advance &amp;6 Hours</source>
        <translation>6 時間進める(&amp;6)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Move the simulated clock 6 hours on</source>
        <translation>模擬時計を 6 時間進める</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Advance 1 &amp;Day</source>
        <translation>1 日進める(&amp;D)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Move the simulated clock 1 day on</source>
        <translation>模擬時計を 1 日進める</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Advance &amp;By…</source>
        <translation>時間を指定して進める(&amp;B)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Move the simulated clock on by any time</source>
        <translation>模擬時計を任意の時間だけ進める</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Go to &amp;Objects</source>
        <translation>オブジェクトへ移動(&amp;O)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Move the keyboard focus to the object list</source>
        <translation>キーボードフォーカスをオブジェクト一覧へ移動</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Go to State &amp;Graph</source>
        <translation>状態グラフへ移動(&amp;G)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Move the keyboard focus to the graph</source>
        <translation>キーボードフォーカスをグラフへ移動</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Go to &amp;Details</source>
        <translation>詳細へ移動(&amp;D)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Move the keyboard focus to the detail pane</source>
        <translation>キーボードフォーカスを詳細ペインへ移動</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Go to &amp;Event Log</source>
        <translation>イベントログへ移動(&amp;E)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Move the keyboard focus to the event log</source>
        <translation>キーボードフォーカスをイベントログへ移動</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Show the Sources API &amp;Notice</source>
        <translation>Sources API のお知らせを表示(&amp;N)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Why Sources are legacy</source>
        <translation>Sources がレガシーである理由</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Compare Three &amp;Generations…</source>
        <translation>3 つの世代を比較(&amp;G)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>One test card as a Token, a Source and a PaymentMethod, paid twice</source>
        <translation>1 枚のテストカードをトークン、ソース、PaymentMethod にして、それぞれ 2 回支払う</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Lessons</source>
        <translation>レッスン(&amp;L)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Show or hide the lesson player</source>
        <translation>レッスンプレーヤーの表示/非表示</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Presenter Mode</source>
        <translation>プレゼンターモード(&amp;P)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Full screen for the classroom: the graph and the narration only (Esc leaves)</source>
        <translation>教室向けの全画面表示: グラフとナレーションのみ (Esc で終了)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Zoom &amp;In</source>
        <translation>拡大(&amp;I)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Larger text in every pane</source>
        <translation>すべてのペインの文字を大きく</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Zoom &amp;Out</source>
        <translation>縮小(&amp;O)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Smaller text in every pane</source>
        <translation>すべてのペインの文字を小さく</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Actual Size</source>
        <translation>実際のサイズ(&amp;A)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Text at its normal size</source>
        <translation>文字を標準のサイズに</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;High Contrast</source>
        <translation>ハイコントラスト(&amp;H)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Black, white and yellow, with a thick focus frame</source>
        <translation>黒・白・黄色と太いフォーカス枠</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Next Step</source>
        <translation>次のステップ(&amp;N)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Play the lesson&apos;s next step</source>
        <translation>レッスンの次のステップを再生</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Previous Step</source>
        <translation>前のステップ(&amp;P)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Step back (the sandbox replays its log up to there)</source>
        <translation>1 ステップ戻る (サンドボックスはそこまでのログを再実行します)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Restart Lesson</source>
        <translation>レッスンを最初から(&amp;R)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Back to the start of the lesson</source>
        <translation>レッスンの最初に戻る</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Autoplay</source>
        <translation>自動再生(&amp;A)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Play the steps one after another</source>
        <translation>ステップを順に続けて再生</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>キーボードショートカット(&amp;K)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Every command and its shortcut</source>
        <translation>すべてのコマンドとそのショートカット</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Reference</source>
        <translation>リファレンス(&amp;R)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The Stripe facts the app relies on; every (§6.3) opens its section</source>
        <translation>このアプリが拠り所とする Stripe の事実。(§6.3) などの引用はその節を開きます</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;PaymentIntents Reference</source>
        <translation>PaymentIntents リファレンス(&amp;P)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>PaymentIntents facts the app relies on, by section</source>
        <translation>アプリが依拠する PaymentIntents の事実 (節ごと)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;About Chargeable</source>
        <translation>Chargeable について(&amp;A)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>What Chargeable is</source>
        <translation>Chargeable とは</translation>
    </message>
    <message>
        <location filename="../../gui/commands/menus.py" line="+14"/>
        <source>&amp;File</source>
        <translation>ファイル(&amp;F)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Edit</source>
        <translation>編集(&amp;E)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Create</source>
        <translation>作成(&amp;C)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Object</source>
        <translation>オブジェクト(&amp;O)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>C&amp;lock</source>
        <translation>時計(&amp;L)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;View</source>
        <translation>表示(&amp;V)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Le&amp;sson</source>
        <translation>レッスン(&amp;S)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Help</source>
        <translation>ヘルプ(&amp;H)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Language</source>
        <extracomment>submenus: key -&gt; (parent menu key, title)</extracomment>
        <translation>言語(&amp;L)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Charge…</source>
        <translation>請求…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Attach…</source>
        <translation>関連付け…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Detach</source>
        <translation>関連解除</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Make default</source>
        <translation>既定にする</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Authorize</source>
        <translation>承認</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fail</source>
        <translation>失敗</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Funds arrive…</source>
        <translation>入金…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Verify…</source>
        <translation>確認…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Capture</source>
        <translation>キャプチャー</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refund</source>
        <translation>返金</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Run to timer</source>
        <translation>タイマーまで</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Confirm…</source>
        <translation>確定…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel…</source>
        <translation>キャンセル…</translation>
    </message>
    <message>
        <location filename="../../gui/commands/qactions.py" line="+45"/>
        <source>Unverified: %1</source>
        <translation>未検証: %1</translation>
    </message>
    <message>
        <location line="+161"/>
        <location line="+58"/>
        <source>Select an object first.</source>
        <extracomment>opens the Charge dialog for an object (the window sets it); without one, &quot;charge&quot; asks for what it needs and sends at once opens the dialog asking what an intent&apos;s confirm/capture/cancel takes (the window sets it); True when it opened one, which then sends</extracomment>
        <translation>先にオブジェクトを選択してください。</translation>
    </message>
    <message>
        <location line="-56"/>
        <source>Does not apply to %1.</source>
        <translation>%1 には適用できません。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>blocked</source>
        <translation>ブロック中</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+66"/>
        <source>Blocked: %1</source>
        <translation>ブロック中: %1</translation>
    </message>
    <message>
        <location line="-62"/>
        <source>Try anyway is on: it sends the request to show Stripe&apos;s error.</source>
        <translation>「とにかく試す」がオンです: リクエストを送信して Stripe のエラーを表示します。</translation>
    </message>
    <message>
        <location line="+112"/>
        <source>Not a duration: %1 (write 90s, 45m, 1h30m, 2d, or a number of hours)</source>
        <translation>期間として読めません: %1（90s、45m、1h30m、2d、または時間数で入力してください）</translation>
    </message>
    <message>
        <location filename="../../gui/sandbox_host.py" line="+55"/>
        <source>Stripe said no: %1 %2 → %3</source>
        <extracomment>the origin of every request the window sends (the event log shows others&apos; origins)</extracomment>
        <translation>Stripe が拒否しました: %1 %2 → %3</translation>
    </message>
    <message>
        <location filename="../../gui/commands/qactions.py" line="-57"/>
        <source>%1 does not apply to %2.</source>
        <translation>%1 は %2 には適用できません。</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Cancelled.</source>
        <translation>キャンセルしました。</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>Undone.</source>
        <translation>元に戻しました。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Nothing to undo.</source>
        <translation>元に戻す操作はありません。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Redone.</source>
        <translation>やり直しました。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Nothing to redo.</source>
        <translation>やり直す操作はありません。</translation>
    </message>
    <message>
        <location filename="../../gui/commands/ask.py" line="+35"/>
        <source>Advance the clock</source>
        <translation>時計を進める</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move the simulated clock on by (90s, 45m, 1h30m, 2d; a number is hours):</source>
        <translation>模擬時計を進める長さ（90s、45m、1h30m、2d。数字だけなら時間）:</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Create a customer first (Create ▸ New Customer).</source>
        <translation>先に顧客を作成してください (作成 ▸ 新規顧客)。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Choose a customer</source>
        <translation>顧客を選択</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>customer (the customer to attach to):</source>
        <translation>customer (関連付け先の顧客):</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>No source to choose.</source>
        <translation>選択できるソースがありません。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Choose a source</source>
        <translation>ソースを選択</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>source:</source>
        <translation>source:</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Amount</source>
        <translation>金額</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>amount (smallest currency unit):</source>
        <translation>amount (通貨の最小単位):</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1:</source>
        <translation>%1:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A value is needed</source>
        <translation>値が必要です</translation>
    </message>
</context>
<context>
    <name>ConfirmIntentDialog</name>
    <message>
        <location filename="../../gui/dialogs/intent_steps.py" line="-71"/>
        <location line="+1"/>
        <source>Confirm</source>
        <translation>確定</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the intent&apos;s own</source>
        <translation>インテント自身のもの</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Payment method</source>
        <translation>支払い方法</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Confirming with another one replaces the intent&apos;s (§3.2 T2).</source>
        <translation>別の支払い方法で確定すると、インテントの支払い方法が置き換わります（§3.2 T2）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The customer is not present (off_session=true)</source>
        <translation>顧客はその場にいない（off_session=true）</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>A card that needs authentication is then declined (§3.2 T10, §8.4).</source>
        <translation>このとき認証が必要なカードは拒否されます（§3.2 T10、§8.4）。</translation>
    </message>
</context>
<context>
    <name>CustomerPage</name>
    <message>
        <location filename="../../gui/panes/customer_page.py" line="+88"/>
        <source>Default source</source>
        <translation>デフォルトのソース (default_source)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>None: a charge with only this customer is refused (§8.1).</source>
        <translation>なし: この顧客だけを指定した請求は拒否されます (§8.1)。</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>Sources (%n)</source>
        <translation>
            <numerusform>ソース (%n)</numerusform>
        </translation>
    </message>
    <message>
        <location line="+17"/>
        <source>None attached yet (Object ▸ Attach on a source or token).</source>
        <translation>まだ何も関連付けられていません（ソースかトークンで オブジェクト ▸ 関連付け）。</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>Charges (%n)</source>
        <translation>
            <numerusform>請求 (%n)</numerusform>
        </translation>
    </message>
    <message>
        <location line="+15"/>
        <source>No charges yet.</source>
        <translation>まだ請求はありません。</translation>
    </message>
</context>
<context>
    <name>DetailPane</name>
    <message>
        <location filename="../../gui/panes/detail_pane.py" line="+96"/>
        <location line="+53"/>
        <source>Properties</source>
        <translation>プロパティ</translation>
    </message>
    <message>
        <location line="-44"/>
        <location line="+44"/>
        <source>JSON</source>
        <translation>JSON</translation>
    </message>
    <message>
        <location line="-35"/>
        <location line="+35"/>
        <source>Request</source>
        <translation>リクエスト</translation>
    </message>
    <message>
        <location line="-30"/>
        <location line="+34"/>
        <source>Simulated time</source>
        <translation>模擬時刻</translation>
    </message>
    <message>
        <location line="-34"/>
        <location line="+34"/>
        <source>Event</source>
        <translation>イベント</translation>
    </message>
    <message>
        <location line="-34"/>
        <location line="+34"/>
        <source>Id</source>
        <translation>ID</translation>
    </message>
    <message>
        <location line="-29"/>
        <location line="+25"/>
        <source>Events</source>
        <translation>イベント</translation>
    </message>
    <message>
        <location line="+108"/>
        <source>%1 · status %2 — %3</source>
        <translation>%1 · status %2 — %3</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>This object no longer exists (an undo took it back).</source>
        <translation>このオブジェクトはもう存在しません (元に戻す操作で取り消されました)。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Nothing selected</source>
        <translation>何も選択されていません</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Pick an object in the list, or create one from the Create menu.</source>
        <translation>一覧からオブジェクトを選ぶか、[作成] メニューから作成してください。</translation>
    </message>
    <message>
        <location filename="../../gui/panes/detail_properties.py" line="+112"/>
        <location line="+99"/>
        <source>Why </source>
        <translation>理由: </translation>
    </message>
</context>
<context>
    <name>EventLog</name>
    <message>
        <location filename="../../gui/panes/event_log_model.py" line="+176"/>
        <source>Simulated time</source>
        <translation>模擬時刻</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What happened</source>
        <translation>出来事</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Object</source>
        <translation>オブジェクト</translation>
    </message>
    <message>
        <location filename="../../gui/panes/event_log_words.py" line="+27"/>
        <source>%1 %2 → error %3: %4</source>
        <translation>%1 %2 → エラー %3: %4</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>from %1</source>
        <translation>送信元: %1</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Undo: %1</source>
        <translation>元に戻す: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Redo: %1</source>
        <translation>やり直し: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Rebuilt from the action log</source>
        <translation>操作ログから再構築しました</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The sandbox replayed its first %1 accepted requests.</source>
        <translation>サンドボックスは受理済みリクエストの最初の %1 件を再実行しました。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Opened with %1 earlier requests (%2 refused), in the order sent:</source>
        <translation>以前のリクエスト %1 件（うち拒否 %2 件）を送信順に表示して開きました:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The sandbox replayed the accepted requests; the refused ones changed nothing and are shown where they were sent.</source>
        <translation>受け付けられたリクエストはサンドボックスが再実行しました。拒否されたリクエストは何も変えていないため、送信された位置に表示しています。</translation>
    </message>
    <message>
        <location filename="../../gui/panes/event_log.py" line="+39"/>
        <location line="+30"/>
        <source>Event log</source>
        <translation>イベントログ</translation>
    </message>
</context>
<context>
    <name>ExpiryCvc</name>
    <message>
        <location filename="../../gui/dialogs/_widgets.py" line="+28"/>
        <source>none</source>
        <translation>なし</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>CVC</source>
        <translation>CVC</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The expiry month is 1 to 12.</source>
        <translation>有効期限の月は 1〜12 です。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The expiry year has 2 or 4 digits.</source>
        <translation>有効期限の年は 2 桁または 4 桁です。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A CVC has 3 or 4 digits (or leave it empty to send none).</source>
        <translation>CVC は 3 桁または 4 桁です (空欄にすると送信しません)。</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <location filename="../../gui/panes/object_list/view.py" line="+185"/>
        <source>Kind</source>
        <translation>種類</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All kinds</source>
        <translation>すべての種類</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sources</source>
        <translation>ソース</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tokens</source>
        <translation>トークン</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Customers</source>
        <translation>顧客</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Charges</source>
        <translation>請求</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cards</source>
        <translation>カード</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refunds</source>
        <translation>返金</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PaymentMethods</source>
        <translation>PaymentMethod</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PaymentIntents</source>
        <translation>PaymentIntent</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SetupIntents</source>
        <translation>SetupIntent</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Status</source>
        <translation>ステータス</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Any status</source>
        <translation>すべてのステータス</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Filter by id, type, email…</source>
        <translation>ID、種類、メールアドレスで絞り込み…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Text filter</source>
        <translation>テキストフィルター</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>No objects yet</source>
        <translation>オブジェクトはまだありません</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>1 object</source>
        <translation>オブジェクト 1 個</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n objects</source>
        <translation>
            <numerusform>オブジェクト %n 個</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 of %2 objects</source>
        <translation>オブジェクト %2 個中 %1 個</translation>
    </message>
</context>
<context>
    <name>Generations</name>
    <message>
        <location filename="../../gui/dialogs/generation_requests.py" line="+48"/>
        <source>A token is used once: by its first charge (even a declined one) or by attaching it to a customer. It can never be used again (§6.3).</source>
        <extracomment>the rule behind a refusal the core saw coming: (generation, action) -&gt; words</extracomment>
        <translation>トークンは一回だけ使えます。最初の請求（拒否されても）か、顧客への関連付けで使われ、二度と使えません（§6.3）。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Attaching is a use too, and a token has only one: it was already used (§6.3).</source>
        <translation>関連付けも使用の一つで、トークンは一回しか使えません。もう使われています（§6.3）。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A reusable source charged without being attached to a customer is consumed: it can never be charged again (§5.1 rule 2).</source>
        <translation>再利用可能なソースも、顧客に関連付けずに請求すると consumed（消費した）になり、二度と請求できません（§5.1 ルール 2）。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Only a chargeable or pending source can be attached; a consumed one is done (§5.1 rule 5).</source>
        <translation>関連付けられるのは chargeable（請求可能）か pending（保留中）のソースだけで、consumed（消費した）のソースはもう終わりです（§5.1 ルール 5）。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>A PaymentMethod used without a customer, even once and even declined, may not be used again: attach it to a customer before its first payment (intents §4.4).</source>
        <translation>顧客なしで使った PaymentMethod は、一度だけでも、拒否された支払いでも、二度と使えません。最初の支払いの前に顧客に関連付けます（intents §4.4）。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Too late: a PaymentMethod used without a customer can no longer be attached (intents §4.4, §9 E13).</source>
        <translation>遅すぎます。顧客なしで使った PaymentMethod は、もう関連付けられません（intents §4.4、§9 E13）。</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/generation_words.py" line="+32"/>
        <source>Used by the attach: the customer&apos;s card is what is charged, again and again (§6.3).</source>
        <extracomment>the verdict at a glance: (mark, words) by what the core holds now</extracomment>
        <translation>関連付けで使われました：請求するのは顧客のカードで、何度でも請求できます（§6.3）。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Used: a token can never be used again (§6.3).</source>
        <translation>使用済み：トークンは二度と使えません（§6.3）。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Not used yet: a token has one use, then never again (§6.3).</source>
        <translation>未使用：トークンは一回使えば、二度と使えません（§6.3）。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Consumed: it can never be charged again (§5.1 rule 2).</source>
        <translation>消費した：二度と請求できません（§5.1 ルール 2）。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Reusable: attached to a customer, it is charged again and again (§5.1 rule 3).</source>
        <translation>再利用可能：顧客に関連付けたので、何度でも請求できます（§5.1 ルール 3）。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Reusable only once attached to a customer: a charge without one consumes it (§5.1 rule 2).</source>
        <translation>顧客に関連付けてはじめて再利用可能：顧客なしで請求すると消費されます（§5.1 ルール 2）。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Reusable: attached to a customer, it pays again and again with that customer (intents §4.4).</source>
        <translation>再利用可能：顧客に関連付けたので、その顧客と何度でも支払えます（intents §4.4）。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Used without a customer: it may not be used again (intents §4.4).</source>
        <translation>顧客なしで使われました：二度と使えません（intents §4.4）。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Not attached: without a customer its first payment is its only one (intents §4.4).</source>
        <translation>未関連付け：顧客がいなければ、最初の支払いが唯一の支払いになります（intents §4.4）。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Pay once</source>
        <translation>1 回支払う</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pay again</source>
        <translation>もう一度支払う</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pay with the customer</source>
        <translation>顧客と支払う</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pay again with the customer</source>
        <translation>顧客ともう一度支払う</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Attach to a customer</source>
        <translation>顧客に関連付ける</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Make</source>
        <translation>作成</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the customer&apos;s card:</source>
        <translation>顧客のカード：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No longer in the sandbox (undone?)</source>
        <translation>サンドボックスにもうありません（元に戻しましたか？）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Accepted:</source>
        <translation>受け付けられました：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refused, Stripe says:</source>
        <translation>拒否されました。Stripe の言葉：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Why:</source>
        <translation>理由：</translation>
    </message>
</context>
<context>
    <name>GenerationsDialog</name>
    <message>
        <location filename="../../gui/dialogs/generations.py" line="+223"/>
        <source>One Card, Three Generations</source>
        <translation>1 枚のカード、3 つの世代</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The same test card as a Token, a card Source and a PaymentMethod, each paid for {amount} twice: which can be reused, which is consumed, which needs a customer.</source>
        <translation>同じテストカードをトークン、カードソース、PaymentMethod にし、それぞれ {amount} を 2 回支払います。どれが再利用でき、どれが消費され、どれに顧客が必要でしょうか。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Test card:</source>
        <translation>テストカード(&amp;T)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Make the three objects</source>
        <translation>3 つのオブジェクトを作成(&amp;M)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Token</source>
        <translation>トークン</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Source (card)</source>
        <translation>ソース（カード）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PaymentMethod</source>
        <translation>PaymentMethod</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Generation 1: the Tokens API</source>
        <translation>第 1 世代：Tokens API</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Generation 2: the Sources API</source>
        <translation>第 2 世代：Sources API</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Generation 3: PaymentMethods with PaymentIntents</source>
        <translation>第 3 世代：PaymentMethod と PaymentIntent</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>Not made: Stripe refused it</source>
        <translation>作成されませんでした：Stripe が拒否しました</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not made yet: press Make the three objects</source>
        <translation>まだ作成していません：「3 つのオブジェクトを作成」を押してください</translation>
    </message>
</context>
<context>
    <name>InfoBar</name>
    <message>
        <location filename="../../gui/widgets/info_bar.py" line="+54"/>
        <location line="+1"/>
        <source>Dismiss</source>
        <translation>閉じる</translation>
    </message>
</context>
<context>
    <name>IntentDialogs</name>
    <message>
        <location filename="../../gui/dialogs/_intents.py" line="+88"/>
        <source>test alias</source>
        <extracomment>What may be passed as ``payment_method`` (intents §6.1): PaymentMethods, saved cards and card Sources; tokens are refused.</extracomment>
        <translation>テスト用エイリアス</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Choose or type a payment method (pm_…, card_… or src_…).</source>
        <translation>支払い方法（pm_…、card_…、src_…）を選ぶか入力してください。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>A payment_method starts with pm_, card_ or src_ (a token is refused, §6.1).</source>
        <translation>payment_method は pm_、card_、src_ のいずれかで始まります（トークンは拒否されます、§6.1）。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Choose or type a customer (cus_…).</source>
        <translation>顧客を選ぶか入力してください (cus_…)。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>A customer id starts with cus_.</source>
        <translation>顧客 ID は cus_ で始まります。</translation>
    </message>
</context>
<context>
    <name>LessonPage</name>
    <message numerus="yes">
        <location filename="../../gui/panes/lesson_page.py" line="+170"/>
        <source>%n step(s)</source>
        <translation>
            <numerusform>%n ステップ</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LessonPlayer</name>
    <message numerus="yes">
        <location filename="../../gui/panes/lesson_player.py" line="+319"/>
        <source>%n s per step</source>
        <translation>
            <numerusform>1 ステップ %n 秒</numerusform>
        </translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Previous</source>
        <translation>前へ</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Step back (the sandbox replays its log up to the step before)</source>
        <translation>1 ステップ戻る (サンドボックスは前のステップまでのログを再実行します)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Next</source>
        <translation>次へ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Play the next step</source>
        <translation>次のステップを再生</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Restart</source>
        <translation>最初から</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Back to the start of the lesson</source>
        <translation>レッスンの最初に戻る</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Autoplay</source>
        <translation>自動再生</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Play the steps one after another</source>
        <translation>ステップを順に続けて再生</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Autoplay speed: seconds per step</source>
        <translation>自動再生の速さ: 1 ステップあたりの秒数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lesson</source>
        <translation>レッスン</translation>
    </message>
    <message>
        <location filename="../../gui/panes/lesson_page.py" line="-50"/>
        <source>Next lesson</source>
        <translation>次のレッスン</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No lessons</source>
        <translation>レッスンがありません</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>This lesson file cannot be used</source>
        <translation>このレッスンファイルは使用できません</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Lesson interrupted</source>
        <translation>レッスンが中断されました</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The window now shows another sandbox. Press Restart to play this lesson again.</source>
        <translation>ウィンドウは別のサンドボックスを表示しています。このレッスンをもう一度再生するには [最初から] を押してください。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Press Next to play the first step.</source>
        <translation>[次へ] を押すと最初のステップを再生します。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Step %1 of %2</source>
        <translation>ステップ %1 / %2</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>As the lesson expects</source>
        <translation>レッスンの想定どおりです</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The sandbox disagrees with the lesson:</source>
        <translation>サンドボックスの結果がレッスンと一致しません:</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Reference:</source>
        <translation>参照:</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Lesson complete: %1 of %2 steps as the lesson expects.</source>
        <translation>レッスン完了: %2 ステップ中 %1 ステップがレッスンの想定どおりでした。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../gui/main_window.py" line="+335"/>
        <source>Sources are a legacy API</source>
        <extracomment>False for a one-off render (``--screenshot``): it must not change the next start</extracomment>
        <translation>Sources はレガシー API です</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Stripe has deprecated the Sources API (and raw Tokens) in favour of PaymentMethods with PaymentIntents. A PaymentMethod is stateless: the payment&apos;s state lives on the PaymentIntent, so there is no &lt;code&gt;chargeable&lt;/code&gt; (&amp;ldquo;ready to charge&amp;rdquo;) status to wait for. Chargeable teaches the legacy objects so you can read and migrate old integrations.</source>
        <translation>Stripe は Sources API (および素の Tokens) を非推奨とし、PaymentMethods と PaymentIntents を推奨しています。PaymentMethod は状態を持たず、支払いの状態は PaymentIntent にあるため、待つべき &lt;code&gt;chargeable&lt;/code&gt; (「請求可能」) ステータスはありません。Chargeable はレガシーなオブジェクトを学ぶためのもので、古い実装を読み解き、移行するのに役立ちます。</translation>
    </message>
    <message>
        <location filename="../../gui/window_lessons.py" line="+212"/>
        <source>Lessons</source>
        <translation>レッスン</translation>
    </message>
    <message>
        <location filename="../../gui/window_commands.py" line="+170"/>
        <source>Copied %1</source>
        <extracomment>a menu separator goes before these commands Create actions whose dialog takes the selected customer or payment method.</extracomment>
        <translation>%1 をコピーしました</translation>
    </message>
    <message>
        <location line="+58"/>
        <source>That dialog is not available yet.</source>
        <translation>そのダイアログはまだ使用できません。</translation>
    </message>
    <message>
        <location line="+65"/>
        <source>About Chargeable</source>
        <translation>Chargeable について</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Chargeable simulates Stripe&apos;s legacy Source and Token objects in a local sandbox, so you can watch their lifecycles and read Stripe&apos;s real errors.</source>
        <translation>Chargeable は Stripe のレガシーな Source オブジェクトと Token オブジェクトをローカルのサンドボックスで再現します。ライフサイクルを観察し、Stripe の実際のエラーを確認できます。</translation>
    </message>
</context>
<context>
    <name>NewCustomerDialog</name>
    <message>
        <location filename="../../gui/dialogs/new_customer.py" line="+69"/>
        <source>New Customer</source>
        <translation>新規顧客</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Create customer</source>
        <translation>顧客を作成</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Email</source>
        <translation>メールアドレス</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Name</source>
        <translation>名前</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>optional</source>
        <translation>任意</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Description</source>
        <translation>説明</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>none</source>
        <translation>なし</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>(no payment source)</source>
        <translation>(支払い元なし)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{token}  (test token)</source>
        <translation>{token}  (テストトークン)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Payment source</source>
        <translation>支払い元</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A token or Source to attach; it becomes the default_source. A token is used up, and the customer gets a card_… in its place.</source>
        <translation>関連付けるトークンまたは Source。これが default_source になります。トークンは使い切られ、代わりに顧客には card_… が付きます。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>This is not an email address.</source>
        <translation>メールアドレスではありません。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A payment source id starts with tok_, btok_ or src_.</source>
        <translation>支払い元の ID は tok_、btok_、src_ のいずれかで始まります。</translation>
    </message>
</context>
<context>
    <name>NewPaymentIntentDialog</name>
    <message>
        <location filename="../../gui/dialogs/new_intent.py" line="+53"/>
        <source>New PaymentIntent</source>
        <translation>新しい PaymentIntent</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Create PaymentIntent</source>
        <translation>PaymentIntent を作成</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>in the currency&apos;s smallest unit</source>
        <translation>通貨の最小単位</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Amount</source>
        <translation>金額</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Currency</source>
        <translation>通貨</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>none</source>
        <translation>なし</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Customer</source>
        <translation>顧客</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Optional; with setup_future_usage the payment method is attached to it.</source>
        <translation>任意。setup_future_usage を指定すると支払い方法がこの顧客に紐付けられます。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>none: confirm later with one</source>
        <translation>なし：後で支払い方法を付けて確定</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Payment method</source>
        <translation>支払い方法</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>automatic: capture when authorized</source>
        <translation>automatic：オーソリ時にキャプチャ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>manual: authorize now, capture later</source>
        <translation>manual：今オーソリし、後でキャプチャ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>manual stops in requires_capture (§3.2 T4).</source>
        <translation>manual では requires_capture で止まります（§3.2 T4）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Capture</source>
        <translation>キャプチャー</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>(none)</source>
        <translation>(なし)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Save for later</source>
        <translation>後で使うために保存</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>setup_future_usage: keep the payment method for later payments (§4.5).</source>
        <translation>setup_future_usage：後の支払いのために支払い方法を残します（§4.5）。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Confirm now (confirm=true)</source>
        <translation>すぐに確定する（confirm=true）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The customer is not present (off_session=true)</source>
        <translation>顧客はその場にいない（off_session=true）</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>off_session: a card that needs authentication is declined (§3.2 T10, §8.4).</source>
        <translation>off_session：認証が必要なカードは拒否されます（§3.2 T10、§8.4）。</translation>
    </message>
</context>
<context>
    <name>NewPaymentMethodDialog</name>
    <message>
        <location filename="../../gui/dialogs/new_payment_method.py" line="+69"/>
        <source>New PaymentMethod</source>
        <extracomment>The rows each type shows, beside type, billing details and customer.</extracomment>
        <translation>新しい PaymentMethod</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Create payment method</source>
        <translation>支払い方法を作成</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Type</source>
        <translation>種類</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>(none: send the card number below)</source>
        <translation>（なし：下のカード番号を送る）</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Test alias</source>
        <translation>テスト用エイリアス</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Card</source>
        <translation>カード</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Expires</source>
        <translation>有効期限</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>IBAN</source>
        <translation>IBAN</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>(customer chooses)</source>
        <translation>（顧客が選ぶ）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Bank</source>
        <translation>銀行</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Routing number</source>
        <translation>ルーティング番号</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Account number</source>
        <translation>口座番号</translation>
    </message>
    <message>
        <location line="-31"/>
        <source>Each use mints a new PaymentMethod (intents §8.2).</source>
        <translation>使うたびに新しい PaymentMethod を作ります（intents §8.2）。</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Test numbers work with routing number 110000000 (intents §8.5).</source>
        <translation>テスト用の番号はルーティング番号 110000000 と組み合わせて使います（intents §8.5）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>individual</source>
        <translation>個人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>company</source>
        <translation>法人</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Holder type</source>
        <translation>名義人の種類</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Name</source>
        <translation>名前</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>optional</source>
        <translation>任意</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Email</source>
        <translation>メールアドレス</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>none: leave it unattached</source>
        <translation>なし：紐付けない</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Attach to customer</source>
        <translation>顧客に紐付け</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Optional; unattached, it pays once (intents §4.4).</source>
        <translation>任意。紐付けなければ一度しか支払えません（intents §4.4）。</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>Synchronous; 3D Secure cards go to requires_action (intents §4.2).</source>
        <translation>同期式。3D セキュアのカードは requires_action になります（intents §4.2）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A bank debit: the PaymentIntent goes processing (intents §4.2).</source>
        <translation>口座引き落とし：PaymentIntent は processing になります（intents §4.2）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+2"/>
        <source>Redirects the customer (next_action.redirect_to_url, intents §4.2).</source>
        <translation>顧客をリダイレクトします（next_action.redirect_to_url、intents §4.2）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>An ACH debit: the PaymentIntent goes processing (intents §8.5).</source>
        <translation>ACH 引き落とし：PaymentIntent は processing になります（intents §8.5）。</translation>
    </message>
    <message>
        <location line="-11"/>
        <source>any currency</source>
        <translation>任意の通貨</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>no manual capture</source>
        <translation>手動キャプチャ不可</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>manual capture supported</source>
        <translation>手動キャプチャ可</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>An IBAN is 2 letters, 2 digits, then 11 to 30 letters or digits.</source>
        <translation>IBAN は英字 2 文字、数字 2 桁、続いて英数字 11〜30 文字です。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>A US routing number has 9 digits.</source>
        <translation>米国のルーティング番号は 9 桁です。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>An account number has 4 to 17 digits.</source>
        <translation>口座番号は 4〜17 桁です。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>This is not an email address.</source>
        <translation>メールアドレスではありません。</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>then (with the new id):</source>
        <translation>続いて（新しい ID で）：</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{id} was created, unattached; OK tries the attach again.</source>
        <translation>{id} は作成済みで、紐付けはされていません。OK で紐付けをもう一度試します。</translation>
    </message>
</context>
<context>
    <name>NewSetupIntentDialog</name>
    <message>
        <location filename="../../gui/dialogs/new_intent.py" line="+82"/>
        <source>New SetupIntent</source>
        <translation>新しい SetupIntent</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Create SetupIntent</source>
        <translation>SetupIntent を作成</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>none</source>
        <translation>なし</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Customer</source>
        <translation>顧客</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Success attaches the payment method to this customer (§5.3).</source>
        <translation>成功すると支払い方法がこの顧客に紐付けられます（§5.3）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>none: confirm later with one</source>
        <translation>なし：後で支払い方法を付けて確定</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Payment method</source>
        <translation>支払い方法</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>off_session: pay later without the customer</source>
        <translation>off_session：後で顧客なしで支払う</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>on_session: pay later with the customer</source>
        <translation>on_session：後で顧客がいるときに支払う</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Usage</source>
        <translation>用途</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Confirm now (confirm=true)</source>
        <translation>すぐに確定する（confirm=true）</translation>
    </message>
</context>
<context>
    <name>NewSourceDialog</name>
    <message>
        <location filename="../../gui/dialogs/new_source.py" line="+56"/>
        <source>New Source</source>
        <translation>新規ソース</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Create source</source>
        <translation>ソースを作成</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Type</source>
        <translation>種類</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Flow</source>
        <translation>フロー</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Usage</source>
        <translation>用途</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>in the currency&apos;s smallest unit, e.g. 1099</source>
        <translation>通貨の最小単位 (例: 1099)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Amount</source>
        <translation>金額</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Currency</source>
        <translation>通貨</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Test behaviour</source>
        <translation>テスト時の動作</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Card</source>
        <translation>カード</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Expires</source>
        <translation>有効期限</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Card source</source>
        <translation>カードのソース</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The card Source (src_…) to authenticate with 3D Secure.</source>
        <translation>3D セキュアで認証するカードの Source (src_…)。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>IBAN</source>
        <translation>IBAN</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Bank country</source>
        <translation>銀行の国</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Return URL</source>
        <translation>戻り先 URL</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Where the customer comes back after the redirect.</source>
        <translation>リダイレクトの後で顧客が戻ってくる場所。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Jenny Rosen</source>
        <translation>Jenny Rosen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Owner name</source>
        <translation>所有者の名前</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Owner email</source>
        <translation>所有者のメールアドレス</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Owner phone</source>
        <translation>所有者の電話番号</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>(none)</source>
        <translation>(なし)</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>any</source>
        <translation>任意</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>required</source>
        <translation>必須</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>optional</source>
        <translation>任意</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not accepted at creation</source>
        <translation>作成時には指定不可</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Flow: {flow} · usage: {usages} (default {default}) · starts {status}</source>
        <translation>フロー: {flow} · 用途 (usage): {usages} (既定 {default}) · 初期状態: {status}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Currency: {currencies} · amount: {amount} · {kind} payment, charge {sync}</source>
        <translation>通貨: {currencies} · 金額: {amount} · {kind}型の支払い、請求は{sync}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>pull</source>
        <translation>プル</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>push</source>
        <translation>プッシュ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>synchronous</source>
        <translation>同期</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>asynchronous</source>
        <translation>非同期</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Unverified ({topic}): {note}</source>
        <translation>未検証 ({topic}): {note}</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Expiry: none; the source waits until used or canceled (§3.4)</source>
        <translation>期限: なし。使われるかキャンセルされるまで待ちます (§3.4)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Expiry (§3.4): pending canceled after {pending} · chargeable canceled after {chargeable}</source>
        <translation>期限 (§3.4): pending は {pending}後にキャンセル · chargeable は {chargeable}後にキャンセル</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>, or at 23:45 China time, whichever comes first</source>
        <translation>、または中国時間 23:45 のいずれか早いほう</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>never</source>
        <translation>なし</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>1 day</source>
        <translation>1 日</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>{n} days</source>
        <translation>{n} 日</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>1 hour</source>
        <translation>1 時間</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>{n} hours</source>
        <translation>{n} 時間</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>A {type} source needs an amount.</source>
        <translation>{type} のソースには金額が必要です。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Whole number in the smallest unit (1099 means 10.99).</source>
        <translation>最小単位の整数 (1099 は 10.99 を表します)。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>At least {min} for {type}.</source>
        <translation>{type} では {min} 以上です。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>At most {max} for {type}.</source>
        <translation>{type} では {max} 以下です。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>This is not an email address.</source>
        <translation>メールアドレスではありません。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A {type} source needs the owner&apos;s email.</source>
        <translation>{type} のソースには所有者のメールアドレスが必要です。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A {type} source needs the owner&apos;s name.</source>
        <translation>{type} のソースには所有者の名前が必要です。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Create a card source first, then pick it here.</source>
        <translation>先にカードのソースを作成し、ここで選んでください。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A card Source id starts with src_.</source>
        <translation>カードの Source ID は src_ で始まります。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>An IBAN is 2 letters, 2 digits, then 11 to 30 letters or digits.</source>
        <translation>IBAN は英字 2 文字、数字 2 桁、続いて英数字 11〜30 文字です。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The return URL starts with https:// or http://.</source>
        <translation>戻り先 URL は https:// または http:// で始まります。</translation>
    </message>
</context>
<context>
    <name>NewTokenDialog</name>
    <message>
        <location filename="../../gui/dialogs/new_token.py" line="+40"/>
        <source>New Token</source>
        <translation>新規トークン</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Create token</source>
        <translation>トークンを作成</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+10"/>
        <source>Card</source>
        <translation>カード</translation>
    </message>
    <message>
        <location line="-9"/>
        <source>Bank account</source>
        <translation>銀行口座</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PII (personal id number)</source>
        <translation>PII (個人識別番号)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kind</source>
        <translation>種類</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Expires</source>
        <translation>有効期限</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>optional</source>
        <translation>任意</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name on card</source>
        <translation>カードの名義</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Country</source>
        <translation>国</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Currency</source>
        <translation>通貨</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Account holder</source>
        <translation>口座名義人</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>individual</source>
        <translation>個人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>company</source>
        <translation>法人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Holder type</source>
        <translation>名義人の種類</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Routing number</source>
        <translation>ルーティング番号</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Account number</source>
        <translation>口座番号</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Test numbers work with routing number 110000000.</source>
        <translation>テスト用の番号はルーティング番号 110000000 と組み合わせて使えます。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>ID number</source>
        <translation>識別番号</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A PII token replaces an id_number in Account or Person updates, once only.</source>
        <translation>PII トークンは Account または Person の更新で id_number の代わりに 1 回だけ使えます。</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>A token is used once: by a charge or by attaching it to a customer (then the customer&apos;s card_… id is what you charge).</source>
        <translation>トークンは 1 回しか使えません: 請求か、顧客への関連付けのどちらかです (関連付けた後は、顧客の card_… ID に請求します)。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Bank-account tokens are attached to a customer (source=btok_…), then verified with microdeposits.</source>
        <translation>銀行口座トークンは顧客に関連付け (source=btok_…)、少額入金 (microdeposits) で確認します。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>PII tokens carry a personal id number for Connect accounts.</source>
        <translation>PII トークンは Connect アカウント用の個人識別番号を運びます。</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Two letters, e.g. US.</source>
        <translation>英字 2 文字 (例: US)。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A three-letter currency the sandbox knows, e.g. usd.</source>
        <translation>サンドボックスが対応する 3 文字の通貨コード (例: usd)。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The account holder&apos;s name is needed.</source>
        <translation>口座名義人の名前が必要です。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>A US routing number has 9 digits.</source>
        <translation>米国のルーティング番号は 9 桁です。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>An account number has 4 to 17 digits.</source>
        <translation>口座番号は 4〜17 桁です。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Type an id number (000000000 in test mode).</source>
        <translation>識別番号を入力してください (テストモードでは 000000000)。</translation>
    </message>
</context>
<context>
    <name>ObjectListModel</name>
    <message>
        <location filename="../../gui/panes/object_list/model.py" line="+292"/>
        <source>status {0}: {1}</source>
        <translation>status {0}: {1}</translation>
    </message>
</context>
<context>
    <name>ObjectListView</name>
    <message>
        <location filename="../../gui/panes/object_list/view.py" line="-164"/>
        <location line="+16"/>
        <source>Objects</source>
        <translation>オブジェクト</translation>
    </message>
</context>
<context>
    <name>ReferenceViewer</name>
    <message>
        <location filename="../../gui/panes/reference.py" line="+54"/>
        <source>The reference (%1) is missing.</source>
        <translation>リファレンス (%1) が見つかりません。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Reference</source>
        <translation>リファレンス</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>PaymentIntents Reference</source>
        <translation>PaymentIntents リファレンス</translation>
    </message>
</context>
<context>
    <name>RequestDialog</name>
    <message>
        <location filename="../../gui/dialogs/_base.py" line="+198"/>
        <source>The request this dialog sends to the sandbox</source>
        <extracomment>the reference a bare &quot;§3.2&quot; in the dialog&apos;s words cites (the intents dialogs&apos;: intents) text of the OK button; subclasses set it (through tr) in their __init__</extracomment>
        <translation>このダイアログがサンドボックスに送信するリクエスト</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Request</source>
        <translation>リクエスト</translation>
    </message>
    <message>
        <location line="+139"/>
        <source>Fix the fields marked {glyph} first</source>
        <translation>先に {glyph} の付いた項目を修正してください</translation>
    </message>
    <message>
        <location line="+42"/>
        <location line="+12"/>
        <source>The request was refused.</source>
        <translation>リクエストは拒否されました。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stripe refused the request:</source>
        <translation>Stripe はリクエストを拒否しました:</translation>
    </message>
</context>
<context>
    <name>RequestTab</name>
    <message>
        <location filename="../../gui/panes/request_tab.py" line="+147"/>
        <location line="+100"/>
        <source>Response</source>
        <translation>レスポンス</translation>
    </message>
    <message>
        <location line="-45"/>
        <source>accepted</source>
        <comment>a request replayed from the log</comment>
        <translation>受理済み</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>No request in this session touched this object.</source>
        <translation>このセッションでこのオブジェクトに関わったリクエストはありません。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Refused by Stripe: %1 %2 → %3 (%4)</source>
        <translation>Stripe が拒否: %1 %2 → %3 (%4)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 %2 → %3</source>
        <translation>%1 %2 → %3</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 %2 (accepted; replayed from the action log)</source>
        <translation>%1 %2（受理済み。操作ログから再生）</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The action log keeps requests, not responses.</source>
        <translation>操作ログはリクエストを記録しますが、レスポンスは記録しません。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Requests about this object</source>
        <translation>このオブジェクトに関するリクエスト</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Every request that touched this object, accepted and refused; newest last</source>
        <translation>このオブジェクトに関わったすべてのリクエスト（受理・拒否とも）。最新が最後</translation>
    </message>
</context>
<context>
    <name>ServeController</name>
    <message>
        <location filename="../../gui/serve_controller.py" line="+144"/>
        <location line="+19"/>
        <source>The Chargeable window stopped serving the API.</source>
        <translation>Chargeable のウィンドウは API の提供を停止しました。</translation>
    </message>
    <message>
        <location line="-10"/>
        <source>The Chargeable window is closed.</source>
        <translation>Chargeable のウィンドウは閉じられています。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The Chargeable window did not answer in time; nothing changed.</source>
        <translation>Chargeable のウィンドウが時間内に応答しませんでした。何も変更されていません。</translation>
    </message>
    <message>
        <location line="+127"/>
        <source>Cannot serve the API on %1: the port is already in use (another Chargeable window or `chargeable serve`?). Stop it, or start with --port N to choose another port.</source>
        <translation>%1 で API を提供できません: ポートは既に使用中です (別の Chargeable のウィンドウか `chargeable serve` ?)。それを停止するか、--port N で別のポートを指定して起動してください。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Cannot serve the API on %1: permission denied (ports below 1024 need privileges; choose another with --port N).</source>
        <translation>%1 で API を提供できません: 権限がありません (1024 未満のポートには特権が必要です。--port N で別のポートを指定してください)。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Cannot serve the API on %1: %2</source>
        <translation>%1 で API を提供できません: %2</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Serving the Stripe API at %1</source>
        <translation>%1 で Stripe API を提供しています</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Stopped serving the API.</source>
        <translation>API の提供を停止しました。</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>● Serving %1 · %2 requests</source>
        <translation>● %1 で提供中 · リクエスト %2 件</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Point the stripe library here: stripe.api_base = &quot;%1&quot; (any sk_test_ key). Outside requests appear in the event log with their origin.</source>
        <translation>stripe ライブラリの接続先をここにします: stripe.api_base = &quot;%1&quot; (sk_test_ キーなら何でも可)。外部からのリクエストは送信元付きでイベントログに表示されます。</translation>
    </message>
</context>
<context>
    <name>SessionController</name>
    <message>
        <location filename="../../gui/session/prompter.py" line="+29"/>
        <source>Unsaved changes</source>
        <translation>未保存の変更</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save the changes to {name}?</source>
        <translation>{name} への変更を保存しますか?</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>If you don&apos;t save, your changes will be lost.</source>
        <translation>保存しないと、変更は失われます。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Recover session</source>
        <translation>セッションの復元</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chargeable did not close properly last time. An autosaved session from {when} was found. Recover it?</source>
        <translation>前回 Chargeable は正しく終了しませんでした。{when} に自動保存されたセッションが見つかりました。復元しますか?</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Open session</source>
        <translation>セッションを開く</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Chargeable sessions (*{suffix});;All files (*)</source>
        <translation>Chargeable セッション (*{suffix});;すべてのファイル (*)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Save session as</source>
        <translation>名前を付けてセッションを保存</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Chargeable sessions (*{suffix})</source>
        <translation>Chargeable セッション (*{suffix})</translation>
    </message>
    <message>
        <location filename="../../gui/session/controller.py" line="+152"/>
        <source>Untitled session</source>
        <translation>無題のセッション</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{name}[*] — Chargeable</source>
        <translation>{name}[*] — Chargeable</translation>
    </message>
    <message>
        <location line="+83"/>
        <source>Could not open the session</source>
        <translation>セッションを開けませんでした</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{path} could not be opened:
{reason}</source>
        <translation>{path} を開けませんでした:
{reason}</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>session</source>
        <translation>セッション</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Could not save the session</source>
        <translation>セッションを保存できませんでした</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{path} was not written (the file on disk is unchanged):
{reason}</source>
        <translation>{path} は書き込まれませんでした (ディスク上のファイルは変更されていません):
{reason}</translation>
    </message>
    <message>
        <location line="+72"/>
        <source>Could not recover the session</source>
        <translation>セッションを復元できませんでした</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>More autosaved sessions</source>
        <translation>ほかの自動保存セッション</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Other windows that did not close properly left autosaved sessions. They are kept and offered again at the next start; you can also open them with File ▸ Open:
{paths}</source>
        <translation>正しく閉じられなかったほかのウィンドウが自動保存セッションを残しています。これらは残したまま、次回の起動時にもう一度復元を提案します。ファイル ▸ 開く で今すぐ開くこともできます:
{paths}</translation>
    </message>
</context>
<context>
    <name>ShortcutSheet</name>
    <message>
        <location filename="../../gui/panes/shortcut_sheet.py" line="+74"/>
        <source>Keyboard shortcuts</source>
        <translation>キーボードショートカット</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>State graph (while focused)</source>
        <translation>状態グラフ (フォーカス中)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Presenter mode</source>
        <translation>プレゼンターモード</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Filter commands…</source>
        <extracomment>(command, keys, group, description) rows that are not QActions</extracomment>
        <translation>コマンドを絞り込む…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Command</source>
        <translation>コマンド</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Shortcut</source>
        <translation>ショートカット</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Menu</source>
        <translation>メニュー</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>What it does</source>
        <translation>動作</translation>
    </message>
</context>
<context>
    <name>StartupFrame</name>
    <message>
        <location filename="../../gui/widgets/startup_frame.py" line="+25"/>
        <source>Chargeable</source>
        <translation>Chargeable</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Starting Chargeable…</source>
        <translation>Chargeable を起動しています…</translation>
    </message>
</context>
<context>
    <name>StateGraph</name>
    <message>
        <location filename="../../gui/graph/export.py" line="+61"/>
        <source>Lifecycle graph exported by Chargeable</source>
        <translation>Chargeable で書き出したライフサイクルグラフ</translation>
    </message>
    <message>
        <location filename="../../gui/graph/edges.py" line="+215"/>
        <source>{label}: click to do it now</source>
        <extracomment>what an edge&apos;s label looks like: (look name, label, times taken) text scale, and whether the label is shortened (the tooltip has it whole) a bare table (no object): no edge is allowed or blocked, all look alike</extracomment>
        <translation>{label}: クリックで今すぐ実行</translation>
    </message>
    <message>
        <location line="+9"/>
        <location filename="../../gui/graph/follow.py" line="+62"/>
        <source>not possible now</source>
        <translation>今はできません</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{label}: blocked. {reason}</source>
        <translation>{label}: ブロック中。{reason}</translation>
    </message>
    <message>
        <location filename="../../gui/graph/panel.py" line="+383"/>
        <source>Rejected: {message}</source>
        <extracomment>the widest the title may be (scene units): the view&apos;s width</extracomment>
        <translation>拒否されました: {message}</translation>
    </message>
    <message>
        <location filename="../../gui/graph/style.py" line="+170"/>
        <source>waiting for the customer (or for funds)</source>
        <extracomment>status name -&gt; (colour, glyph). Glyphs: clock, check, disc, cross, slash, arrow. edges (the normal palette&apos;s; see :func:`colours`) Okabe–Ito colours lightened for black paper (each &gt;= 4.5:1 on black)</extracomment>
        <translation>顧客 (または入金) を待っています</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>can be charged now</source>
        <translation>今すぐ請求できます</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>used up: can never be charged again</source>
        <translation>使い切りました: 二度と請求できません</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>authentication or verification failed</source>
        <translation>認証または確認に失敗しました</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>expired or abandoned</source>
        <translation>期限切れまたは放棄</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not used yet: can be used once</source>
        <translation>未使用: 1 回だけ使えます</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>used once: cannot be used again</source>
        <translation>使用済み: 再度は使えません</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the money was taken</source>
        <translation>代金を受け取りました</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the money was given back</source>
        <translation>代金を返しました</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>● current</source>
        <translation>● 現在</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>previous</source>
        <translation>直前</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>unreachable</source>
        <translation>到達不能</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>final</source>
        <translation>最終</translation>
    </message>
    <message>
        <location filename="../../gui/graph/view.py" line="+68"/>
        <source>Source</source>
        <extracomment>Default animation length (ms); QSettings key ``graph/animation_ms`` overrides it.</extracomment>
        <translation>ソース</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Token</source>
        <translation>トークン</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Charge</source>
        <translation>請求</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{kind}, flow {flow}</source>
        <translation>{kind}、フロー {flow}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{kind} (every flow)</source>
        <translation>{kind} (すべてのフロー)</translation>
    </message>
    <message>
        <location line="+43"/>
        <location line="+332"/>
        <source>State graph</source>
        <translation>状態グラフ</translation>
    </message>
    <message>
        <location line="-301"/>
        <location line="+303"/>
        <source>Select an object to see its lifecycle.</source>
        <extracomment>the window&apos;s text zoom, presenter mode and the screen height it is shown on</extracomment>
        <translation>オブジェクトを選ぶと、そのライフサイクルが表示されます。</translation>
    </message>
    <message>
        <location filename="../../gui/graph/view_menu.py" line="+35"/>
        <source>Chargeable state graph</source>
        <translation>Chargeable 状態グラフ</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>PNG image (*.png)</source>
        <translation>PNG 画像 (*.png)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SVG drawing (*.svg)</source>
        <translation>SVG 図 (*.svg)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mermaid text (*.mmd)</source>
        <translation>Mermaid テキスト (*.mmd)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Export graph</source>
        <translation>グラフを書き出す</translation>
    </message>
    <message>
        <location filename="../../gui/graph/view.py" line="-146"/>
        <source>Pinned: {title}</source>
        <translation>固定: {title}</translation>
    </message>
    <message>
        <location filename="../../gui/graph/follow.py" line="-7"/>
        <source>this happens by itself: no action performs it</source>
        <extracomment>Edge triggers that are not action names: the action that makes them happen.</extracomment>
        <translation>これは自動的に起こります: 実行する操作はありません</translation>
    </message>
    <message>
        <location filename="../../gui/graph/view_menu.py" line="+10"/>
        <source>Fit to view (F)</source>
        <translation>全体を表示 (F)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Zoom in (+)</source>
        <translation>拡大 (+)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Zoom out (−)</source>
        <translation>縮小 (−)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show every flow (E)</source>
        <translation>すべてのフローを表示 (E)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Unpin {object_id}</source>
        <translation>{object_id} の固定を解除</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Pin this graph to compare</source>
        <translation>このグラフを固定して比較</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Export graph as PNG…</source>
        <translation>グラフを PNG で書き出す…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Export graph as SVG…</source>
        <translation>グラフを SVG で書き出す…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Export graph as Mermaid…</source>
        <translation>グラフを Mermaid で書き出す…</translation>
    </message>
    <message>
        <location filename="../../gui/graph/keys.py" line="+25"/>
        <source>Zoom the graph in</source>
        <translation>グラフを拡大</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Zoom the graph out (never below its readable size)</source>
        <translation>グラフを縮小 (読める大きさより小さくはしない)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Wheel</source>
        <translation>ホイール</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Zoom the graph under the mouse</source>
        <translation>マウスの位置でグラフを拡大・縮小</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Fit the graph to its pane</source>
        <translation>グラフをペインに合わせる</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Show every flow, or only this object&apos;s lifecycle</source>
        <translation>すべてのフローを表示するか、このオブジェクトのライフサイクルだけを表示</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Choose an edge the object can take now</source>
        <translation>オブジェクトが今たどれる遷移を選ぶ</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Take the chosen edge (as a click would)</source>
        <translation>選んだ遷移を実行 (クリックと同じ)</translation>
    </message>
    <message>
        <location filename="../../gui/graph/nodes.py" line="+111"/>
        <source>visited: step {steps}</source>
        <extracomment>what a state looks like: (current/previous/unreachable/plain, id, label, terminal, badge) looks, by precedence (a node both current and previous looks current)</extracomment>
        <translation>通過: ステップ {steps}</translation>
    </message>
</context>
<context>
    <name>StatusWord</name>
    <message>
        <location filename="../../gui/widgets/status_style.py" line="+240"/>
        <source>pending</source>
        <extracomment>Short glosses of Stripe&apos;s status and usage words, shown beside the word itself (the word stays English: it is what the API returns). The English &quot;translation&quot; of each is the word itself, so English shows no gloss. Japanese: pending 保留中, chargeable 請求可能, consumed 消費した, failed 失敗, canceled キャンセル, reusable 再利用可能, single_use 使い捨て.</extracomment>
        <translation>保留中</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>chargeable</source>
        <translation>請求可能</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>consumed</source>
        <translation>消費した</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>failed</source>
        <translation>失敗</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>canceled</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>reusable</source>
        <translation>再利用可能</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>single_use</source>
        <translation>使い捨て</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>unused</source>
        <translation>未使用</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>used</source>
        <translation>使用済み</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>succeeded</source>
        <translation>成功</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>refunded</source>
        <translation>返金済み</translation>
    </message>
</context>
<context>
    <name>core</name>
    <message>
        <location filename="../../core/lifecycle/source_tables.py" line="+123"/>
        <source>fail (customer declines/aborts)</source>
        <translation>失敗 (顧客が拒否・中止)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>expire (pending window)</source>
        <translation>期限切れ (pending の期限)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>expire (chargeable window)</source>
        <translation>期限切れ (chargeable の期限)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>charge (single_use)</source>
        <translation>請求 (single_use)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>charge (reusable, not attached)</source>
        <translation>請求 (reusable、顧客に未関連付け)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>detach</source>
        <translation>関連付けを解除</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>detach (while pending)</source>
        <translation>関連付けを解除 (pending の間)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>charge (reusable, attached, with customer)</source>
        <translation>請求 (reusable、関連付け済み、customer を指定)</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+9"/>
        <source>attach</source>
        <translation>顧客に関連付け</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>authorize (e.g. WeChat QR scan)</source>
        <translation>承認 (例: WeChat の QR スキャン)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>SEPA charge fails</source>
        <translation>SEPA の請求が失敗</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>authorize (redirect succeeded)</source>
        <translation>承認 (リダイレクト成功)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>authorize fails (3DS processing error)</source>
        <translation>承認に失敗 (3DS の処理エラー)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>authorize (full amount pushed)</source>
        <translation>承認 (全額を送金済み)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>receive funds (amount reached)</source>
        <translation>資金を受領 (金額に到達)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>receive funds (partial)</source>
        <translation>資金を受領 (一部)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>receive more funds</source>
        <translation>さらに資金を受領</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>authorize (code entered)</source>
        <translation>承認 (コード入力済み)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>verify (right values)</source>
        <translation>確認 (正しい値)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>verify (wrong values, attempts left)</source>
        <translation>確認 (誤った値、試行回数が残る)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>verify (wrong values, last attempt)</source>
        <translation>確認 (誤った値、最後の試行)</translation>
    </message>
    <message>
        <location filename="../../core/lifecycle/token_charge_tables.py" line="+102"/>
        <source>charge (succeeds)</source>
        <translation>請求 (成功)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>charge (declined: still uses the token)</source>
        <translation>請求 (拒否: それでもトークンは使用済みになる)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>attach to a customer (becomes a card_)</source>
        <translation>顧客に関連付け (card_ になる)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>create a card source from it</source>
        <translation>このトークンからカードのソースを作成</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>settles (succeeded)</source>
        <translation>決済確定 (succeeded)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>settles (failed)</source>
        <translation>決済確定 (failed)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>capture</source>
        <translation>キャプチャー</translation>
    </message>
    <message>
        <location filename="../../core/lifecycle/payment_intent_table.py" line="+227"/>
        <location filename="../../core/lifecycle/token_charge_tables.py" line="+9"/>
        <source>authorization expires (7 days)</source>
        <translation>オーソリの期限切れ (7 日)</translation>
    </message>
    <message>
        <location filename="../../core/lifecycle/token_charge_tables.py" line="+9"/>
        <source>refund (releases the authorization)</source>
        <translation>返金 (オーソリを解放)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>refund (partial)</source>
        <translation>返金 (一部)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>refund (full)</source>
        <translation>返金 (全額)</translation>
    </message>
    <message>
        <location filename="../../core/lifecycle/source_tables.py" line="-292"/>
        <source>only a single_use source takes this edge</source>
        <translation>この遷移をたどるのは single_use (使い捨て) のソースだけです</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>only a reusable source takes this edge</source>
        <translation>この遷移をたどるのは reusable (再利用可能) のソースだけです</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>the source is attached to a customer</source>
        <translation>ソースは顧客に関連付けられています</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the source is not attached to a customer</source>
        <translation>ソースは顧客に関連付けられていません</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>charge it together with the customer it is attached to (customer + source, §5.1 rule 3)</source>
        <translation>関連付けられている顧客と一緒に請求してください (customer + source、§5.1 ルール 3)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>no expiry timer applies to this source (§3.4)</source>
        <translation>このソースには有効期限のタイマーがありません (§3.4)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>only SEPA Direct Debit sources fail after a failed charge (§3.3 T7)</source>
        <translation>請求の失敗後に failed になるのは SEPA ダイレクトデビットのソースだけです (§3.3 T7)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>the customer has not pushed the full amount yet</source>
        <translation>顧客はまだ全額を送金していません</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>this push completes the amount</source>
        <translation>この送金で金額に達します</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the verification values are wrong</source>
        <translation>確認の値が誤っています</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>attempts would be exhausted, or the values are right</source>
        <translation>試行回数を使い切るか、値が正しいかのどちらかです</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>attempts remain, or the values are right</source>
        <translation>試行回数が残っているか、値が正しいかのどちらかです</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>completing 3D Secure fails on this card (§10)</source>
        <translation>このカードでは 3D セキュアの完了に失敗します (§10)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>completing the redirect succeeds on this source</source>
        <translation>このソースではリダイレクトの完了に成功します</translation>
    </message>
    <message>
        <location filename="../../core/lifecycle/token_charge_tables.py" line="-161"/>
        <source>the issuer declines this card</source>
        <translation>カード発行会社がこのカードを拒否します</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the issuer accepts this card</source>
        <translation>カード発行会社がこのカードを受け入れます</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>this decline card cannot be attached: attaching validates the card (§10)</source>
        <translation>この拒否カードは関連付けできません: 関連付けの際にカードが検証されます (§10)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>only card tokens become card sources</source>
        <translation>カードのソースになれるのはカードのトークンだけです</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>this charge will fail when it settles</source>
        <translation>この請求は決済確定の時に失敗します</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>this charge will succeed when it settles</source>
        <translation>この請求は決済確定の時に成功します</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the amount leaves part of the charge unrefunded</source>
        <translation>この金額では請求の一部が返金されずに残ります</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the amount refunds the whole remainder</source>
        <translation>この金額で残りが全額返金されます</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the authorization has no expiry timer</source>
        <translation>このオーソリには有効期限のタイマーがありません</translation>
    </message>
    <message>
        <location filename="../../core/lifecycle/requires.py" line="+187"/>
        <source>this object has no lifecycle</source>
        <extracomment>(kind, trigger) -&gt; the names of the guards every edge of the trigger needs, in order. How the words name a kind (``{kind}``).</extracomment>
        <translation>このオブジェクトにはライフサイクルがありません</translation>
    </message>
    <message>
        <location filename="../../core/lifecycle/action.py" line="+82"/>
        <source>no timer is running for this object</source>
        <translation>このオブジェクトには動いているタイマーがありません</translation>
    </message>
    <message>
        <location filename="../../core/lifecycle/requires.py" line="-140"/>
        <source>consumed: it was charged without being attached to a customer, or was detached (§5.2)</source>
        <translation>consumed (消費した): 顧客に関連付けずに請求されたか、関連付けを解除されました (§5.2)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>only chargeable sources can be charged; this one is pending (§2.1)</source>
        <translation>請求できるのは chargeable (請求可能) のソースだけです。このソースは pending (保留中) です (§2.1)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>nothing left to charge: the customer has not pushed more funds</source>
        <translation>請求できる残額がありません: 顧客はまだ追加の資金を送金していません</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>klarna sources need source_order before charging (§4)</source>
        <translation>klarna のソースは請求の前に source_order が必要です (§4)</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>this source needs no authorization</source>
        <translation>このソースに承認は不要です</translation>
    </message>
    <message>
        <location filename="../../core/lifecycle/actions.py" line="+132"/>
        <location line="+59"/>
        <location filename="../../core/lifecycle/intent_requires.py" line="+141"/>
        <source>not attached to a customer</source>
        <translation>顧客に関連付けられていません</translation>
    </message>
    <message>
        <location line="-54"/>
        <source>already the customer&apos;s default source</source>
        <translation>すでに顧客の既定のソースです</translation>
    </message>
    <message>
        <location filename="../../core/lifecycle/requires.py" line="+29"/>
        <source>You cannot use a Stripe token more than once (§6.3)</source>
        <translation>Stripe のトークンは 2 回以上使えません (§6.3)</translation>
    </message>
    <message>
        <location filename="../../core/lifecycle/actions.py" line="+48"/>
        <source>bank accounts must be verified before an ACH charge (not simulated)</source>
        <translation>ACH で請求する前に銀行口座の確認が必要です (シミュレートしていません)</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>the customer has no default source</source>
        <translation>顧客に既定のソースがありません</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>the customer is deleted</source>
        <translation>顧客は削除されています</translation>
    </message>
    <message>
        <location filename="../../core/lifecycle/intent_actions.py" line="+26"/>
        <source>simulator-only: Stripe has no endpoint for the customer&apos;s side (intents §8.6)</source>
        <extracomment>The authenticate helpers are the sandbox&apos;s own (§8.6): said beside the buttons.</extracomment>
        <translation>シミュレーター専用: Stripe には顧客側の操作のエンドポイントがない (intents §8.6)</translation>
    </message>
    <message>
        <location filename="../../core/lifecycle/intent_requires.py" line="-32"/>
        <source>used once without a customer: it may not be used again (intents §4.4)</source>
        <extracomment>Statuses of a PaymentMethod that may never be used again (intents §4.4). An intent&apos;s statuses in which its attempt with its payment method has not ended yet.</extracomment>
        <translation>顧客なしで一度使われた: 二度と使えない (intents §4.4)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>detached: it can never be used or attached again (intents §4.4)</source>
        <translation>関連付け解除済み: 二度と使うことも関連付けることもできない (intents §4.4)</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>a {kind} in {status} is still paying with it: attach or detach it once that attempt ends (a sandbox choice: the reference is silent)</source>
        <translation>{status} の {kind} がまだこれで支払い中です。その試行が終わってから関連付けまたは関連付け解除してください（サンドボックスの選択：リファレンスには記載がありません）</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>already the customer&apos;s default payment method</source>
        <translation>すでに顧客のデフォルトの支払い方法</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>needs a payment method of one of its payment_method_types first (update it)</source>
        <translation>まず payment_method_types のいずれかの種類の支払い方法が必要（更新する）</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>its payment method is {status}: it may not be used again (intents §4.4)</source>
        <translation>その支払い方法は {status}: 二度と使えない (intents §4.4)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>its payment method is attached to another customer (intents §6.1)</source>
        <translation>その支払い方法は別の顧客に関連付けられている (intents §6.1)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>its payment method cannot pay with this customer (intents §6.1)</source>
        <translation>その支払い方法はこの顧客では支払えない (intents §6.1)</translation>
    </message>
    <message>
        <location line="-28"/>
        <source>only an open {kind} can be confirmed; this one is {status}</source>
        <translation>確定できるのは未完了の {kind} だけ。これは {status}</translation>
    </message>
    <message>
        <location line="-28"/>
        <source>this decline card cannot be attached: attaching validates it (stripe-domain §10)</source>
        <translation>この拒否カードは関連付けできません: 関連付けの際に検証されます (stripe-domain §10)</translation>
    </message>
    <message>
        <location line="+63"/>
        <source>only a {kind} in requires_action waits for the customer; this one is {status}</source>
        <translation>顧客の操作を待つのは requires_action の {kind} だけ。これは {status}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>a {kind} in {status} cannot be canceled</source>
        <translation>{status} の {kind} はキャンセルできない</translation>
    </message>
    <message>
        <location filename="../../core/lifecycle/intent_guards.py" line="+86"/>
        <source>only a us_bank_account payment can be canceled while processing (intents §3.3)</source>
        <translation>processing 中にキャンセルできるのは us_bank_account の支払いだけ (intents §3.3)</translation>
    </message>
    <message>
        <location filename="../../core/lifecycle/intent_requires.py" line="+5"/>
        <source>only a PaymentIntent in requires_capture can be captured; this one is {status}</source>
        <translation>キャプチャできるのは requires_capture の PaymentIntent だけ。これは {status}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>only a succeeded PaymentIntent has a payment to refund; this one is {status}</source>
        <translation>返金できる支払いがあるのは succeeded の PaymentIntent だけ。これは {status}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>its charge is refunded already</source>
        <translation>その Charge はすでに返金済み</translation>
    </message>
    <message>
        <location filename="../../core/lifecycle/actions.py" line="-194"/>
        <source>the sandbox allows it; whether Stripe refuses it is unverified (§13). Stripe advises charging a single-use source directly (§5.1 rule 1)</source>
        <extracomment>§5.1 rule 1 advises against it; §13 lists whether Stripe refuses it as unverified.</extracomment>
        <translation>サンドボックスでは許可されます。Stripe が拒否するかは未検証です (§13)。Stripe は使い捨てのソースを直接請求するよう勧めています (§5.1 ルール 1)</translation>
    </message>
    <message>
        <location filename="../../core/facts/cards.py" line="+104"/>
        <source>succeeds; 3DS not enrolled (not_required)</source>
        <extracomment>§5.2: 3DS2 card through the Charges API; decline_code is UNVERIFIED (likely this one). §5.2: legacy 3DS-required card charged without 3DS: only &quot;Your card was declined.&quot; is documented; the decline_code is a sandbox choice (UNVERIFIED).</extracomment>
        <translation>成功。3DS 未登録 (not_required)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>3DS not supported: a 3DS source is born failed</source>
        <translation>3DS 非対応: 3DS のソースは作成時から failed</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>fails only when a CVC was sent (§10)</source>
        <translation>CVC を送ったときだけ失敗 (§10)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>attaches to a customer, but every charge fails (§10)</source>
        <translation>顧客に関連付けできるが、請求はすべて失敗 (§10)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Radar: always blocked</source>
        <translation>Radar: 常にブロック</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Radar: highest risk, blocked</source>
        <translation>Radar: 最高リスク、ブロック</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Radar: elevated risk, succeeds</source>
        <translation>Radar: 高リスク、成功</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>refund pending, then succeeded</source>
        <translation>返金は pending の後に succeeded</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>refund succeeded, then failed (charge.refund.updated)</source>
        <translation>返金は succeeded の後に failed (charge.refund.updated)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>legacy 3DS test card: 3DS required; a plain charge is declined</source>
        <translation>旧 3DS テストカード: 3DS 必須。通常の請求は拒否</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>legacy table only (UNVERIFIED officially)</source>
        <translation>旧一覧にのみ記載 (公式には未検証)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>3DS2: Charges without 3DS declined; a 3DS source reported not_required (obs, no maintainer confirmation)</source>
        <translation>3DS2: 3DS なしの請求は拒否。3DS のソースは not_required と報告 (観察のみ、メンテナーの確認なし)</translation>
    </message>
    <message>
        <location filename="../../core/facts/source_catalog.py" line="+77"/>
        <source>expiry</source>
        <extracomment>The words shown for each topic of ``SourceType.unverified`` (its keys).</extracomment>
        <translation>有効期限</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>settle</source>
        <translation>決済確定</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>refund window</source>
        <translation>返金期間</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>test names</source>
        <translation>テスト用の名前</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>amount</source>
        <translation>amount</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>usage</source>
        <translation>usage</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>currency</source>
        <translation>currency</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>flow</source>
        <translation>flow</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>charge</source>
        <translation>請求</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>code</source>
        <translation>コード</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>all</source>
        <translation>全般</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>settle delay is a plausible sandbox choice; the docs give a range (§8.2) and the sandbox settles at this fixed delay</source>
        <translation>決済確定までの遅延はサンドボックスが選んだもっともらしい値です。ドキュメントには幅があり (§8.2)、サンドボックスはこの固定の遅延で確定します</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>1 h pending / 6 h chargeable copied from the redirect types; Stripe documents no timer for three_d_secure (§3.4)</source>
        <translation>pending 1 時間 / chargeable 6 時間はリダイレクト型から流用。Stripe は three_d_secure のタイマーを記載していません (§3.4)</translation>
    </message>
    <message>
        <location line="+31"/>
        <location line="+31"/>
        <location line="+81"/>
        <source>unknown (§4)</source>
        <translation>不明 (§4)</translation>
    </message>
    <message>
        <location line="-111"/>
        <source>owner[name]=failing_charge makes the charge fail; from a third-party copy of Stripe&apos;s page (§4)</source>
        <translation>owner[name]=failing_charge で請求が失敗します。出典は Stripe のページの第三者による写しです (§4)</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>1 h / 6 h assumed from the other redirect types (§3.4)</source>
        <translation>1 時間 / 6 時間は他のリダイレクト型からの推定 (§3.4)</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>single-use receiver: amount is required (it is the sum to push), although §5.1 rule 6 says receivers take no amount; that rule is applied to reusable receivers</source>
        <translation>使い捨ての receiver: amount は必須 (送金すべき合計額) です。§5.1 ルール 6 には receiver は amount を取らないとありますが、このルールは再利用可能な receiver に適用しています</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>reusable Alipay was a closed beta: the sandbox refuses it (§4)</source>
        <translation>再利用可能な Alipay はクローズドベータでした: サンドボックスでは拒否します (§4)</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>WeChat takes aud/cad/eur/gbp/hkd/jpy/sgd/usd but only the account&apos;s default currency; the sandbox account is a US account (usd)</source>
        <translation>WeChat は aud/cad/eur/gbp/hkd/jpy/sgd/usd を扱いますが、使えるのはアカウントの既定通貨だけです。サンドボックスのアカウントは米国のアカウント (usd) です</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>no timer documented; the sandbox sets none (§3.4)</source>
        <translation>タイマーの記載はなく、サンドボックスも設定しません (§3.4)</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>redirect inferred from its *_redirect_url fields (§4)</source>
        <translation>*_redirect_url フィールドから redirect と推定 (§4)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>single_use (§4, unverified)</source>
        <translation>single_use (使い捨て) (§4、未検証)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>1 h / 6 h assumed (§3.4)</source>
        <translation>1 時間 / 6 時間と仮定 (§3.4)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>sync; needs source_order before charging (§4)</source>
        <translation>同期。請求の前に source_order が必要 (§4)</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>code_verification (microdeposits) by default, redirect on request (§4 table, partly unverified)</source>
        <translation>既定は code_verification (少額入金)、指定すれば redirect (§4 の表、一部未検証)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>reusable (unverified)</source>
        <translation>reusable (再利用可能) (未検証)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>values[]=32&amp;values[]=45 verifies, 3 attempts (ACH microdeposit rules, §7)</source>
        <translation>values[]=32&amp;values[]=45 で確認できます。試行は 3 回まで (ACH 少額入金のルール、§7)</translation>
    </message>
    <message>
        <location line="+19"/>
        <location line="+20"/>
        <source>flow, usage and initial status are unverified (§4); modelled like sepa_debit, a mandate-based debit</source>
        <translation>flow、usage、初期ステータスは未検証 (§4)。マンデートに基づく引き落としである sepa_debit と同様にモデル化</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>legacy Terminal type: flow none, single_use and chargeable at creation are sandbox choices (§4)</source>
        <translation>旧 Terminal の種類: flow none、single_use、作成時に chargeable はサンドボックスの選択 (§4)</translation>
    </message>
    <message>
        <location filename="../../core/lifecycle/setup_method_tables.py" line="+101"/>
        <source>attach to a customer</source>
        <translation>顧客に関連付け</translation>
    </message>
    <message>
        <location filename="../../core/lifecycle/payment_intent_table.py" line="-47"/>
        <source>bank debit fails</source>
        <translation>口座引き落としが失敗</translation>
    </message>
    <message>
        <location filename="../../core/lifecycle/intent_guards.py" line="-37"/>
        <source>only bank debits (sepa_debit, us_bank_account) pass through processing (intents §3.2 T12)</source>
        <translation>processing を通るのは口座引き落とし (sepa_debit、us_bank_account) だけ (intents §3.2 T12)</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>confirmation_method is manual: the server must confirm again (intents §3.2 T6m)</source>
        <translation>confirmation_method が manual: サーバーが再度確定する必要がある (intents §3.2 T6m)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>confirmation_method is automatic: no second confirm is needed (intents §3.2 T6)</source>
        <translation>confirmation_method が automatic: 2 回目の確定は不要 (intents §3.2 T6)</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>use it together with the customer it is attached to (intents §6.1)</source>
        <translation>関連付けられた顧客と一緒に使う (intents §6.1)</translation>
    </message>
    <message>
        <location filename="../../core/lifecycle/payment_intent_table.py" line="-10"/>
        <source>bank debit settles</source>
        <translation>口座引き落としが完了</translation>
    </message>
    <message>
        <location line="+30"/>
        <location filename="../../core/lifecycle/setup_method_tables.py" line="-19"/>
        <source>cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>cancel (releases the authorization)</source>
        <translation>キャンセル (オーソリを解放)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>cancel (us_bank_account only)</source>
        <translation>キャンセル (us_bank_account のみ)</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>the customer never acts (48 h, card 3DS only)</source>
        <translation>顧客が何もしない (48 時間、カードの 3DS のみ)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>increment the authorization (a higher amount)</source>
        <translation>オーソリを増額 (より高い金額)</translation>
    </message>
    <message>
        <location line="-56"/>
        <source>capture (all or part)</source>
        <translation>キャプチャ (全額または一部)</translation>
    </message>
    <message>
        <location filename="../../core/lifecycle/intent_guards.py" line="-29"/>
        <source>capture_method is automatic: nothing waits for a capture</source>
        <translation>capture_method が automatic: キャプチャ待ちにならない</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>capture_method is manual: the payment waits in requires_capture</source>
        <translation>capture_method が manual: 支払いは requires_capture で待つ</translation>
    </message>
    <message>
        <location filename="../../core/lifecycle/setup_method_tables.py" line="-39"/>
        <source>confirm (authentication needed)</source>
        <translation>確定 (認証が必要)</translation>
    </message>
    <message>
        <location filename="../../core/lifecycle/payment_intent_table.py" line="-140"/>
        <source>confirm (authentication or redirect needed)</source>
        <translation>確定 (認証またはリダイレクトが必要)</translation>
    </message>
    <message>
        <location line="-19"/>
        <source>confirm (authorized, automatic capture)</source>
        <translation>確定 (承認、自動キャプチャ)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>confirm (authorized, manual capture)</source>
        <translation>確定 (承認、手動キャプチャ)</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>confirm with error_on_requires_action (action needed: the attempt fails)</source>
        <translation>error_on_requires_action 付きで確認 (顧客の操作が必要: 試行は失敗)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>confirm (bank debit submitted)</source>
        <translation>確定 (口座引き落としを送信)</translation>
    </message>
    <message>
        <location filename="../../core/lifecycle/intent_guards.py" line="+82"/>
        <source>only an off-session confirm of a card that needs authentication fails this way (intents §8.4)</source>
        <translation>この失敗は、認証が必要なカードをオフセッションで確定したときだけ (intents §8.4)</translation>
    </message>
    <message>
        <location filename="../../core/lifecycle/setup_method_tables.py" line="+9"/>
        <source>confirm (card declined)</source>
        <translation>確定 (カードが拒否)</translation>
    </message>
    <message>
        <location filename="../../core/lifecycle/payment_intent_table.py" line="-30"/>
        <source>confirm (declined: 402, back to requires_payment_method)</source>
        <translation>確定 (拒否: 402、requires_payment_method に戻る)</translation>
    </message>
    <message>
        <location filename="../../core/lifecycle/setup_method_tables.py" line="-18"/>
        <source>confirm (set up; attached to the customer)</source>
        <translation>確定 (設定完了、顧客に関連付け)</translation>
    </message>
    <message>
        <location filename="../../core/lifecycle/payment_intent_table.py" line="+9"/>
        <source>confirm off-session (authentication required: 402)</source>
        <translation>オフセッションで確定 (認証が必要: 402)</translation>
    </message>
    <message>
        <location filename="../../core/lifecycle/setup_method_tables.py" line="+29"/>
        <source>customer authenticates</source>
        <translation>顧客が認証</translation>
    </message>
    <message>
        <location filename="../../core/lifecycle/payment_intent_table.py" line="+57"/>
        <source>customer authenticates (automatic capture)</source>
        <translation>顧客が認証 (自動キャプチャ)</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>customer authenticates (confirmation_method manual)</source>
        <translation>顧客が認証 (confirmation_method manual)</translation>
    </message>
    <message>
        <location line="-9"/>
        <source>customer authenticates (manual capture)</source>
        <translation>顧客が認証 (手動キャプチャ)</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>customer authenticates, then the issuer declines</source>
        <translation>顧客が認証し、その後カード発行会社が拒否</translation>
    </message>
    <message>
        <location line="+9"/>
        <location filename="../../core/lifecycle/setup_method_tables.py" line="+9"/>
        <source>customer fails authentication</source>
        <translation>顧客の認証が失敗</translation>
    </message>
    <message>
        <location filename="../../core/lifecycle/setup_method_tables.py" line="+37"/>
        <source>detach (can never be used again)</source>
        <translation>関連付け解除 (二度と使えない)</translation>
    </message>
    <message>
        <location filename="../../core/lifecycle/payment_intent_table.py" line="-46"/>
        <source>set a new payment method (update)</source>
        <translation>新しい支払い方法を設定 (更新)</translation>
    </message>
    <message>
        <location line="-7"/>
        <location filename="../../core/lifecycle/setup_method_tables.py" line="-86"/>
        <source>set a payment method (create/update)</source>
        <translation>支払い方法を設定 (作成/更新)</translation>
    </message>
    <message>
        <location filename="../../core/lifecycle/intent_guards.py" line="-39"/>
        <source>the PaymentMethod is attached to a customer</source>
        <translation>この PaymentMethod は顧客に関連付け済み</translation>
    </message>
    <message>
        <location line="-67"/>
        <source>the card needs authentication or is declined</source>
        <translation>このカードは認証が必要か、拒否される</translation>
    </message>
    <message>
        <location line="+75"/>
        <source>only a confirm with error_on_requires_action=true of a payment that needs authentication fails this way (intents §3.2 T11)</source>
        <translation>この形で失敗するのは、認証が必要な決済を error_on_requires_action=true で確認したときだけです (intents §3.2 T11)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>only a card payment waiting for 3D Secure times out (intents §3.2 T8)</source>
        <translation>タイムアウトするのは 3D セキュアを待つカード決済だけです (intents §3.2 T8)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>the PaymentIntent did not ask for incremental authorization (payment_method_options[card][request_incremental_authorization]=if_available, intents §3.2 T19)</source>
        <translation>この PaymentIntent は増額オーソリを要求していません (payment_method_options[card][request_incremental_authorization]=if_available、intents §3.2 T19)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>the customer completes authentication</source>
        <translation>顧客は認証を完了する</translation>
    </message>
    <message>
        <location line="-91"/>
        <source>the issuer accepts this payment method</source>
        <translation>カード発行会社はこの支払い方法を受け入れる</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>this payment method needs no customer action</source>
        <translation>この支払い方法は顧客の操作を必要としない</translation>
    </message>
    <message>
        <location filename="../../core/lifecycle/setup_method_tables.py" line="+111"/>
        <source>update</source>
        <translation>更新</translation>
    </message>
    <message>
        <location line="-8"/>
        <source>used with its customer</source>
        <translation>自分の顧客と一緒に使用</translation>
    </message>
    <message>
        <location line="-9"/>
        <source>used without a customer (even if declined)</source>
        <translation>顧客なしで使用 (拒否されても)</translation>
    </message>
    <message>
        <location filename="../../core/lifecycle/registry.py" line="+71"/>
        <source>the object is {state}; this edge leaves {source}</source>
        <extracomment>Every guard by name (names are unique across the kinds). Every table by (kind, variant); sources have one variant per flow. Kinds whose record keeps its lifecycle state in ``status`` (set by the engine).</extracomment>
        <translation>オブジェクトは {state} です。この遷移は {source} から出ます</translation>
    </message>
    <message>
        <location filename="../../core/lifecycle/requires.py" line="+89"/>
        <source>{state} is terminal: nothing leaves it (§3.1)</source>
        <translation>{state} は終端状態です: ここから出る遷移はありません (§3.1)</translation>
    </message>
    <message>
        <location line="-94"/>
        <source>{status} is terminal (§3.1)</source>
        <translation>{status} は終端状態です (§3.1)</translation>
    </message>
    <message>
        <location line="+96"/>
        <source>not possible while {state}</source>
        <translation>{state} の間はできません</translation>
    </message>
    <message>
        <location line="-139"/>
        <source>already attached to {customer}</source>
        <translation>すでに {customer} に関連付けられています</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>a source can only be attached while chargeable or pending (§5.1 rule 5); this one is {status}</source>
        <translation>ソースを関連付けられるのは chargeable (請求可能) か pending (保留中) の間だけです (§5.1 ルール 5)。このソースは {status} です</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>only a pending source can be authorized; this one is {status}</source>
        <translation>承認できるのは pending (保留中) のソースだけです。このソースは {status} です</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>a receiver source created without an amount (§5.1 rule 6) has no sum to push: use Funds Arrive with an amount</source>
        <translation>金額なしで作成したレシーバー型ソース（§5.1 ルール6）には送る金額がありません。「入金あり」で金額を指定してください</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>only a pending source can be failed; this one is {status}</source>
        <translation>失敗にできるのは pending (保留中) のソースだけです。このソースは {status} です</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>only a pending source can be verified; this one is {status}</source>
        <translation>確認できるのは pending (保留中) のソースだけです。このソースは {status} です</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>a {type} token cannot be charged</source>
        <translation>{type} トークンには請求できません</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>a {type} token cannot be attached</source>
        <translation>{type} トークンは関連付けできません</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>only an uncaptured charge can be captured; this one is {state}</source>
        <translation>キャプチャーできるのは未キャプチャーの請求だけです。この請求は {state} です</translation>
    </message>
    <message>
        <location filename="../../core/lifecycle/actions.py" line="+186"/>
        <source>its default source is {status}</source>
        <translation>既定のソースが {status} です</translation>
    </message>
    <message>
        <location filename="../../core/facts/intents.py" line="+48"/>
        <source>the 48-hour requires_action timeout is the sandbox&apos;s choice: Stripe&apos;s transition guide states it, a third party says intents never expire (intents §3.2 T8, unverified)</source>
        <extracomment>Types that redirect the customer (``next_action.redirect_to_url``, §4.2). Types whose payments pass through ``processing`` (§3.2 T12, §4.2). Currencies per non-card type (§4.2: euro debits and redirects, US dollars for ACH). Manual capture is not supported by every method (§4.2: ACH, iDEAL cannot). How long a processing bank debit takes to settle in the simulator (§8.5: &quot;≥3 min&quot; for the delayed IBANs; real SEPA debits take days). A sandbox choice. An uncaptured PaymentIntent is canceled after 7 days (§13.7). §3.2 T8: a card PaymentIntent left in requires_action goes back to requires_payment_method after 48 hours. **Unverified** (the transition guide says so; a third party says intents never expire): the sandbox&apos;s choice, applied to cards only (redirect methods keep waiting), as the reference suggests. ``None`` turns it off. What the window says of that choice (the clock action and the T8 edge of a PaymentIntent waiting in requires_action).</extracomment>
        <translation>requires_action の 48 時間タイムアウトはサンドボックスの選択です: Stripe の移行ガイドはそう述べ、第三者は Intent は期限切れにならないと述べています (intents §3.2 T8、未検証)</translation>
    </message>
    <message>
        <location line="+142"/>
        <source>After a failed attempt payment_method is set to null and the PaymentMethod is kept in last_payment_error.payment_method (observed, not documented verbatim, §3.6).</source>
        <extracomment>§3.2 T19: at most 10 incremental authorization attempts per PaymentIntent [spec]. By test-card key (core.facts.cards); cards absent here follow their charge_decline. §8.2/§8.3 test aliases → test-card key. Each use creates a new ``pm_`` (§8.2). §8.5 US bank accounts (routing 110000000): account number → outcome. §8.5 aliases for US bank accounts: alias → account number. §8.5 SEPA test IBANs whose debit fails (the rest succeed). The 3DS page a ``redirect_to_url`` next action points at (simulated: nothing is served). Choices the sandbox made where the reference says **unverified**, by topic.</extracomment>
        <translation>試行が失敗すると payment_method は null になり、PaymentMethod は last_payment_error.payment_method に残ります（観察による。文書に明記はなし、§3.6）。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>A card PaymentIntent waiting in requires_action goes back to requires_payment_method after 48 h, firing payment_intent.payment_failed with last_payment_error payment_intent_authentication_failure; redirect methods never time out (the timer and its event are unverified, §3.2 T8).</source>
        <translation>requires_action で待っているカードの PaymentIntent は 48 時間後に requires_payment_method に戻り、last_payment_error payment_intent_authentication_failure とともに payment_intent.payment_failed が発生します。リダイレクト型の支払い方法はタイムアウトしません（タイマーとそのイベントは未検証、§3.2 T8）。</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>An uncaptured PaymentIntent is canceled after 7 days with cancellation_reason automatic (unverified, §3.2 T17).</source>
        <translation>キャプチャされない PaymentIntent は 7 日後に cancellation_reason automatic でキャンセルされます（未検証、§3.2 T17）。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>amount_received stays 0 while processing and while requires_capture (unverified, §3.5).</source>
        <translation>processing と requires_capture の間、amount_received は 0 のままです（未検証、§3.5）。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Processing bank debits settle after 3 minutes of simulated time (the docs say days; ≥3 min for the delayed test IBANs, §8.5).</source>
        <translation>processing の口座引き落としはシミュレーション時間で 3 分後に確定します（文書では数日。遅延するテスト用 IBAN は 3 分以上、§8.5）。</translation>
    </message>
</context>
<context>
    <name>errorcode</name>
    <message>
        <location filename="../../gui/words/error_codes.py" line="+23"/>
        <source>A required parameter was not sent; param names it.</source>
        <extracomment>error ``code`` -&gt; what it means.</extracomment>
        <translation>必須のパラメーターが送られていません。param がそのパラメーターを示します。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The request sent a parameter this endpoint does not take (or one that cannot change after creation, like usage).</source>
        <translation>このエンドポイントが受け付けないパラメーター (または usage のように作成後は変更できないもの) が送られました。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The amount is below Stripe&apos;s minimum charge in this currency (§8.1).</source>
        <translation>金額がこの通貨での Stripe の最低請求額を下回っています (§8.1)。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The amount is above the maximum: 8 digits in the currency&apos;s smallest unit.</source>
        <translation>金額が上限 (通貨の最小単位で 8 桁) を超えています。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No object with this id exists in this account: a typo, a deleted object, or an id from elsewhere.</source>
        <translation>この ID のオブジェクトはこのアカウントにありません: 入力ミス、削除済みのオブジェクト、または別の場所の ID です。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The customer has no such source attached, or no usable default source to charge.</source>
        <translation>顧客にそのソースが関連付けられていないか、請求に使える既定のソースがありません。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The source&apos;s status or usage does not allow this: only a chargeable source can be charged, and only a pending or chargeable one attached.</source>
        <translation>ソースの status または usage がこの操作を許しません: 請求できるのは chargeable (請求可能) のソースだけで、関連付けできるのは pending (保留中) か chargeable のソースだけです。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The source is in a terminal status (consumed, failed or canceled): nothing can happen to it any more.</source>
        <translation>ソースは終端のステータス (consumed、failed、canceled) にあり、もう何も起こりません。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A token can be used only once: create a new one, or attach the card to a customer to charge it again.</source>
        <translation>トークンは 1 回しか使えません: 新しいトークンを作るか、カードを顧客に関連付けて再び請求してください。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Only an uncaptured charge (created with capture=false) can be captured.</source>
        <translation>キャプチャーできるのは未キャプチャーの請求 (capture=false で作成) だけです。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This charge was captured already; a charge is captured only once.</source>
        <translation>この請求はすでにキャプチャー済みです。キャプチャーは 1 回だけです。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The authorization expired (after 7 days) before it was captured; the money was released.</source>
        <translation>キャプチャーされる前にオーソリの期限 (7 日) が切れ、資金は解放されました。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The charge was refunded in full: nothing is left to refund.</source>
        <translation>請求は全額返金済みです: 返金できる残額はありません。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The card&apos;s expiry month is not a month from 1 to 12.</source>
        <translation>カードの有効期限の月が 1〜12 の月ではありません。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The card&apos;s expiry year is not valid, or lies in the past.</source>
        <translation>カードの有効期限の年が正しくないか、過去の年です。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The card&apos;s security code (CVC) is malformed: 3 digits, or 4 for American Express.</source>
        <translation>カードのセキュリティコード (CVC) の形式が正しくありません: 3 桁 (American Express は 4 桁) です。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The amount is outside what this source type accepts.</source>
        <translation>金額がこの種類のソースで受け付ける範囲の外です。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This source type needs the account owner&apos;s full name (at least 3 characters).</source>
        <translation>この種類のソースには口座名義人のフルネーム (3 文字以上) が必要です。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The IBAN is not valid: wrong country, length or check digits.</source>
        <translation>IBAN が正しくありません: 国、長さ、またはチェックディジットが誤っています。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The iDEAL bank is not one Stripe knows.</source>
        <translation>iDEAL の銀行が Stripe の知らないものです。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SOFORT is not offered in this country.</source>
        <translation>この国では SOFORT を利用できません。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This source type does not take that currency.</source>
        <translation>この種類のソースはその通貨を受け付けません。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The bank account number is not valid.</source>
        <translation>銀行口座番号が正しくありません。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The routing number is not a valid US bank routing number.</source>
        <translation>ルーティング番号が米国の銀行の有効なルーティング番号ではありません。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The card issuer refused the charge; decline_code says why. The failed charge is still recorded.</source>
        <translation>カード発行会社が請求を拒否しました。理由は decline_code に示されます。失敗した請求も記録されます。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The card has expired.</source>
        <translation>カードの有効期限が切れています。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The security code (CVC) does not match the card.</source>
        <translation>セキュリティコード (CVC) がカードと一致しません。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Something went wrong while processing the card; trying again may work.</source>
        <translation>カードの処理中に問題が起きました。再試行すると成功することがあります。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The card number is wrong: it fails the Luhn check or is not a card.</source>
        <translation>カード番号が誤っています: Luhn チェックに通らないか、カードの番号ではありません。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The card needs authentication and the customer is not there (off_session=true): bring them back to confirm on-session (intents §8.4).</source>
        <translation>カードに認証が必要ですが顧客がその場にいません (off_session=true)。顧客に戻ってもらいオンセッションで確定します (intents §8.4)。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The PaymentIntent&apos;s status does not allow this operation (confirm, capture, cancel or update, intents §3.3).</source>
        <translation>PaymentIntent のステータスではこの操作 (確定、キャプチャ、キャンセル、更新) はできません (intents §3.3)。</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>The SetupIntent&apos;s status does not allow this operation (intents §5.2).</source>
        <translation>SetupIntent のステータスではこの操作はできません (intents §5.2)。</translation>
    </message>
    <message>
        <location line="-16"/>
        <source>The payment needs a customer action, and error_on_requires_action asked to fail instead of waiting.</source>
        <translation>支払いには顧客の操作が必要ですが、error_on_requires_action により待たずに失敗しました。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The PaymentMethod&apos;s type is not one of the PaymentIntent&apos;s payment_method_types.</source>
        <translation>PaymentMethod の種類が PaymentIntent の payment_method_types に含まれていません。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A parameter does not fit this payment method (for example manual capture of a bank debit).</source>
        <translation>パラメーターがこの支払い方法に合いません (例: 口座引き落としの手動キャプチャ)。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The PaymentMethod cannot pay in the PaymentIntent&apos;s currency.</source>
        <translation>この PaymentMethod は PaymentIntent の通貨で支払えません。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>A parameter does not fit this SetupIntent or its payment method.</source>
        <translation>パラメーターがこの SetupIntent またはその支払い方法に合いません。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The customer failed 3D Secure or the redirect: give a new payment method and confirm again.</source>
        <translation>顧客が 3D セキュアまたはリダイレクトに失敗しました。新しい支払い方法で再度確定してください。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The customer failed authentication while setting up the payment method.</source>
        <translation>支払い方法の設定中に顧客の認証が失敗しました。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The payment attempt failed (a bank debit was not collected): the PaymentIntent can be retried.</source>
        <translation>支払いの試行が失敗しました (口座引き落としができませんでした)。PaymentIntent は再試行できます。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The issuer declined without saying why.</source>
        <extracomment>``decline_code`` -&gt; what it means.</extracomment>
        <translation>カード発行会社が理由を示さずに拒否しました。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The card has too little money for this amount.</source>
        <translation>カードの残高がこの金額に足りません。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The card was reported lost.</source>
        <translation>カードは紛失の届けが出ています。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The card was reported stolen.</source>
        <translation>カードは盗難の届けが出ています。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Too many charges, or too much money, on this card in a short time.</source>
        <translation>短時間にこのカードでの請求の回数または金額が多すぎます。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Stripe&apos;s Radar or the issuer suspects fraud.</source>
        <translation>Stripe の Radar またはカード発行会社が不正を疑っています。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The card needs 3D Secure authentication, which a plain charge does not do.</source>
        <translation>このカードには 3D セキュア認証が必要ですが、通常の請求では認証を行いません。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A real (live) card number was used in test mode: use a test card.</source>
        <translation>テストモードで実際の (本番の) カード番号が使われました: テストカードを使ってください。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The request itself is wrong (a parameter, an id or the object&apos;s state); it changed nothing.</source>
        <extracomment>error ``type`` -&gt; what it means (shown when the error has no code).</extracomment>
        <translation>リクエスト自体に誤りがあります (パラメーター、ID、またはオブジェクトの状態)。何も変更されていません。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The card could not be charged.</source>
        <translation>カードに請求できませんでした。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Something went wrong on the server&apos;s side; the request changed nothing.</source>
        <translation>サーバー側で問題が起きました。リクエストは何も変更していません。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This idempotency key was used before with different parameters.</source>
        <translation>この冪等キーは以前に別のパラメーターで使われています。</translation>
    </message>
</context>
<context>
    <name>explain</name>
    <message>
        <location filename="../../gui/words/explanations.py" line="+33"/>
        <source>The object&apos;s id; its prefix names its kind.</source>
        <translation>オブジェクトの ID。接頭辞がその種類を表します。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The kind of object, as Stripe names it.</source>
        <translation>Stripe での呼び名によるオブジェクトの種類。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>When it was created, in Unix seconds on the simulated clock.</source>
        <translation>作成日時 (模擬時計での Unix 秒)。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>false: a test-mode object; no real money moves.</source>
        <translation>false: テストモードのオブジェクト。実際のお金は動きません。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Your own key/value notes; Stripe never reads them.</source>
        <translation>独自のキー/値のメモ。Stripe が読むことはありません。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The three-letter ISO currency, lower case.</source>
        <translation>3 文字の ISO 通貨コード (小文字)。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The amount in the currency&apos;s smallest unit (cents for usd/eur).</source>
        <translation>通貨の最小単位での金額 (usd/eur ならセント)。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Free text you attached to the object.</source>
        <translation>オブジェクトに付けた自由記述のテキスト。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The source&apos;s lifecycle state; only a chargeable source can be charged.</source>
        <translation>ソースのライフサイクル上の状態。請求できるのは chargeable (請求可能) のソースだけです。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>single_use: pays once. reusable: pays many times, but only once attached to a customer.</source>
        <translation>single_use (使い捨て): 1 回だけ支払えます。reusable (再利用可能): 何度でも支払えますが、顧客に関連付けた後に限ります。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>How the customer authorizes: redirect, receiver (push funds), code_verification or none.</source>
        <translation>顧客が承認する方法: redirect、receiver (資金を送金)、code_verification、none のいずれか。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The payment method; its hash (e.g. card) holds the type&apos;s details.</source>
        <translation>支払い方法。同名のハッシュ (例: card) にその種類の詳細が入ります。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The customer the source is attached to; absent while unattached.</source>
        <translation>ソースが関連付けられている顧客。関連付けられていない間は存在しません。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Lets a publishable key retrieve the source in the browser.</source>
        <translation>公開可能キーでブラウザーからソースを取得できるようにします。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Who owns the payment method: what you sent, plus verified_* values Stripe fills in.</source>
        <translation>支払い方法の所有者: 送信した値と、Stripe が入れる verified_* の値。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The owner&apos;s e-mail. In test mode an address ending in _chargeable@example.com authorizes a redirect source (§4).</source>
        <translation>所有者のメールアドレス。テストモードでは、_chargeable@example.com で終わるアドレスにすると redirect のソースが承認されます (§4)。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Text on the customer&apos;s statement for each charge.</source>
        <translation>請求のたびに顧客の明細書に表示されるテキスト。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The redirect flow: where to send the customer and what happened there.</source>
        <translation>redirect フロー: 顧客の送り先と、そこで起きたこと。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>pending: not back yet. succeeded: authorized. failed: declined or aborted. not_required: no redirect needed.</source>
        <translation>pending: まだ戻っていない。succeeded: 承認された。failed: 拒否または中断された。not_required: リダイレクト不要。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Where to send the customer to authorize the payment.</source>
        <translation>支払いを承認してもらうために顧客を送る先。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Where Stripe sends the customer back afterwards.</source>
        <translation>その後 Stripe が顧客を戻す先。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Why the redirect failed: user_abort, declined or processing_error.</source>
        <translation>リダイレクトが失敗した理由: user_abort、declined、processing_error のいずれか。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The receiver flow: where the customer pushes funds and how much arrived.</source>
        <translation>receiver フロー: 顧客が資金を送金する先と、届いた金額。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Where the customer must send the funds.</source>
        <translation>顧客が資金を送金すべき先。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Total pushed by the customer so far.</source>
        <translation>これまでに顧客が送金した合計。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Total moved to your balance by charges.</source>
        <translation>請求によって残高に移された合計。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Total returned to the customer.</source>
        <translation>顧客に返された合計。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The code-verification flow: the code the customer must enter.</source>
        <translation>code_verification フロー: 顧客が入力すべきコード。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>pending: waiting for the code. succeeded: verified. failed: no tries left.</source>
        <translation>pending: コード待ち。succeeded: 確認済み。failed: 試行回数が残っていない。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>How many wrong codes may still be entered.</source>
        <translation>あと何回まで誤ったコードを入力できるか。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The card&apos;s details (brand, last4, checks).</source>
        <translation>カードの詳細 (ブランド、last4、チェック結果)。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The 3D Secure details; card names the card source it protects.</source>
        <translation>3D セキュアの詳細。card は保護対象のカードのソースを示します。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Whether the token was already used. A token works exactly once (§6.3).</source>
        <translation>トークンが使用済みかどうか。トークンはちょうど 1 回だけ使えます (§6.3)。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>What the token stands for: card, bank_account, pii...</source>
        <translation>トークンが表すもの: card、bank_account、pii など。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The card the token carries; it gets its own card_ id.</source>
        <translation>トークンが運ぶカード。独自の card_ ID を持ちます。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The bank account the token carries.</source>
        <translation>トークンが運ぶ銀行口座。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The IP address of the client that created the token.</source>
        <translation>トークンを作成したクライアントの IP アドレス。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The source charged when you charge the customer without naming a source.</source>
        <translation>ソースを指定せずに顧客に請求したときに請求されるソース。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The customer&apos;s attached payment sources (only when expanded since API 2020-08-27).</source>
        <translation>顧客に関連付けられた支払い元 (API 2020-08-27 以降は expand したときのみ)。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The customer&apos;s e-mail address.</source>
        <translation>顧客のメールアドレス。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Credit (negative) or debt (positive) carried to the next invoice.</source>
        <translation>次の請求書に繰り越されるクレジット (負) または未払い (正)。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>succeeded, pending (asynchronous methods) or failed.</source>
        <translation>succeeded、pending (非同期の支払い方法)、failed のいずれか。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>true when the charge succeeded or was authorized for later capture.</source>
        <translation>請求が成功したか、後でキャプチャーするためにオーソリされたときに true。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>false for an authorization not yet captured (capture=false); it expires after 7 days.</source>
        <translation>まだキャプチャーされていないオーソリ (capture=false) では false。7 日後に期限切れになります。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>true only when the whole amount was refunded.</source>
        <translation>全額が返金されたときだけ true。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>How much of the charge was refunded so far.</source>
        <translation>これまでに返金された金額。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The payment source charged (undocumented since 2019 but still returned, §8.3).</source>
        <translation>請求された支払い元 (2019 年以降はドキュメントにないが、今も返される、§8.3)。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The id of the payment instrument used.</source>
        <translation>使われた支払い手段の ID。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The customer the charge belongs to, if one was given.</source>
        <translation>請求が属する顧客 (指定された場合)。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Why the charge failed, as a code.</source>
        <translation>請求が失敗した理由 (コード)。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Why the charge failed, in words.</source>
        <translation>請求が失敗した理由 (文章)。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What the card network and Radar decided.</source>
        <translation>カードネットワークと Radar の判定。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The customer this saved card belongs to.</source>
        <translation>この保存済みカードが属する顧客。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The card number&apos;s last four digits.</source>
        <translation>カード番号の下 4 桁。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The card brand.</source>
        <translation>カードのブランド。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>pending, succeeded or failed.</source>
        <translation>pending、succeeded、failed のいずれか。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The charge this refund gives money back from.</source>
        <translation>この返金が代金を返す元の請求。</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>A charge used it. Even a declined charge uses up a token (§6.3, observed).</source>
        <extracomment>Edges by what they do to a token: charged (used, even if declined), attached. Source edges: charged and still chargeable (reusable, with its customer), attached, detached (consumed).</extracomment>
        <translation>請求で使用されました。拒否された請求でもトークンは使い切られます (§6.3、実測)。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Attaching it to a customer used it: a card_ was saved; charge that card_ from now on (§12.5).</source>
        <translation>顧客への関連付けで使用されました: card_ が保存されたので、今後はその card_ に請求します (§12.5)。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>It was used once; any second use fails with token_already_used.</source>
        <translation>1 回使用済みです。2 回目の使用はすべて token_already_used で失敗します。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Nothing has used it yet: one charge or one attach will.</source>
        <translation>まだ何にも使われていません: 1 回の請求か 1 回の関連付けで使用されます。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Tokens never carry card.customer (since API 2014-12-22).</source>
        <translation>トークンが card.customer を持つことはありません (API 2014-12-22 以降)。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No source attached yet, or the last one was detached.</source>
        <translation>ソースがまだ関連付けられていないか、最後のソースの関連付けが解除されました。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>You set it with default_source.</source>
        <translation>default_source で設定しました。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The first source attached becomes the default; attaching more never changes it (§7).</source>
        <translation>最初に関連付けたソースが既定になり、さらに関連付けても変わりません (§7)。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The issuer declined it; the failed charge is still recorded (§5.2).</source>
        <translation>カード発行会社が拒否しました。失敗した請求も記録されます (§5.2)。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>An asynchronous method (SEPA, SOFORT, ACH): the outcome comes days later (§8.2).</source>
        <translation>非同期の支払い方法 (SEPA、SOFORT、ACH): 結果は数日後に出ます (§8.2)。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>A synchronous method: it succeeded at once (§8.2).</source>
        <translation>同期の支払い方法: すぐに成功しました (§8.2)。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Created with capture=false: only authorized; capture it within 7 days.</source>
        <translation>capture=false で作成: オーソリのみです。7 日以内にキャプチャーしてください。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Fully refunded.</source>
        <translation>全額返金済み。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not (fully) refunded.</source>
        <translation>(全額は) 返金されていません。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Chargeable is a test-mode sandbox.</source>
        <translation>Chargeable はテストモードのサンドボックスです。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stamped by the simulated clock when the object was created.</source>
        <translation>オブジェクト作成時に模擬時計が記録した時刻。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>A reusable source attached to a customer stays chargeable after a charge (§3.3 T6).</source>
        <translation>顧客に関連付けた reusable (再利用可能) のソースは、請求後も chargeable (請求可能) のままです (§3.3 T6)。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Attaching keeps the status; now charge it again and again with customer + source (§3.3 T8).</source>
        <translation>関連付けてもステータスは変わりません。以後は customer + source で何度でも請求できます (§3.3 T8)。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Card and SEPA sources are chargeable as soon as they are created (§3.2).</source>
        <translation>カードと SEPA のソースは作成と同時に chargeable (請求可能) になります (§3.2)。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The customer authorized the redirect (§3.3 T1).</source>
        <translation>顧客がリダイレクト先で承認しました (§3.3 T1)。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The customer pushed the funds (§3.3 T1).</source>
        <translation>顧客が資金を送金しました (§3.3 T1)。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The right verification code was entered (§3.3 T1).</source>
        <translation>正しい確認コードが入力されました (§3.3 T1)。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>It can be charged now.</source>
        <translation>今すぐ請求できます。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Waiting for the customer to authorize the redirect; canceled if not within the pending window (§3.4).</source>
        <translation>顧客がリダイレクト先で承認するのを待っています。pending の期限内に承認されなければ canceled (キャンセル) になります (§3.4)。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Waiting for the customer to push funds (§3.2).</source>
        <translation>顧客が資金を送金するのを待っています (§3.2)。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Waiting for the verification code (§3.2; exact behaviour unverified).</source>
        <translation>確認コードを待っています (§3.2。正確な動作は未検証)。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Waiting for the customer to authorize (e.g. scan the WeChat QR code, §12.7).</source>
        <translation>顧客の承認を待っています (例: WeChat の QR コードを読み取る、§12.7)。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>It was detached from its customer: detaching a source consumes it for good (§5.1 rule 4).</source>
        <translation>顧客との関連付けが解除されました: 関連付けを解除したソースは永久に consumed (消費した) になります (§5.1 ルール 4)。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>A single-use source is consumed by its one charge (§5.1 rule 1).</source>
        <translation>single_use (使い捨て) のソースは 1 回の請求で consumed (消費した) になります (§5.1 ルール 1)。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A reusable source charged while not attached to a customer is consumed (§12.1); attach it first to reuse it.</source>
        <translation>顧客に関連付けずに請求した reusable (再利用可能) のソースは consumed (消費した) になります (§12.1)。再利用するには先に関連付けてください。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>It was used up; it can never be charged again.</source>
        <translation>使い切られました。二度と請求できません。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The verification attempts ran out (§3.3 T2).</source>
        <translation>確認の試行回数を使い切りました (§3.3 T2)。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The customer declined or aborted the authorization (§3.3 T2).</source>
        <translation>顧客が承認を拒否または中断しました (§3.3 T2)。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The clock ran past its window: 1 h pending or 6 h chargeable for most single-use push sources (§3.4); the customer&apos;s money is refunded automatically.</source>
        <translation>時計が期限を過ぎました: 多くの single_use (使い捨て) のプッシュ型ソースでは pending で 1 時間、chargeable で 6 時間です (§3.4)。顧客のお金は自動的に返金されます。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Reusable: attach it to a customer before the first charge, or that charge consumes it.</source>
        <translation>reusable (再利用可能): 最初の請求の前に顧客に関連付けてください。さもないと、その請求で consumed (消費した) になります。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Single-use: create a fresh source for each payment.</source>
        <translation>single_use (使い捨て): 支払いごとに新しいソースを作成してください。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Attached to this customer; charge with customer + source to keep it reusable.</source>
        <translation>この顧客に関連付けられています。再利用できる状態を保つには customer + source で請求してください。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Set by the source type (§4).</source>
        <translation>ソースの種類で決まります (§4)。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The card is not enrolled in 3D Secure: no redirect needed (§3.2).</source>
        <translation>このカードは 3D セキュアに登録されていません: リダイレクトは不要です (§3.2)。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>This test address makes a redirect source authorize itself (§4).</source>
        <translation>このテスト用アドレスにすると、redirect のソースが自動的に承認されます (§4)。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Each wrong code costs one attempt; at 0 the source fails.</source>
        <translation>誤ったコードごとに試行回数が 1 減り、0 になるとソースは failed (失敗) になります。</translation>
    </message>
    <message>
        <location filename="../../gui/words/intent_explanations.py" line="+21"/>
        <source>It needs a payment method: confirm it with one (§3.1).</source>
        <translation>支払い方法が必要です。支払い方法を付けて確定してください（§3.1）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A payment method is set, but nobody confirmed it yet (§3.2 T2).</source>
        <translation>支払い方法は設定済みですが、まだ誰も確定していません（§3.2 T2）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The customer must act (3D Secure or a redirect); next_action says how (§3.2 T5).</source>
        <translation>顧客の操作（3D セキュアまたはリダイレクト）が必要です。方法は next_action にあります（§3.2 T5）。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A bank debit is on its way; the outcome comes later (§3.2 T12).</source>
        <translation>口座引き落としの処理中です。結果は後で届きます（§3.2 T12）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Authorized, not captured: capture up to amount_capturable (§3.2 T4, T15).</source>
        <translation>オーソリ済みでキャプチャ前です。amount_capturable までキャプチャできます（§3.2 T4、T15）。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Paid: amount_received is what was collected; terminal (§3.1).</source>
        <translation>支払い済み。amount_received が受け取った金額です。終端状態です（§3.1）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Canceled; terminal (§3.2 T16, T17).</source>
        <translation>キャンセル済み。終端状態です（§3.2 T16、T17）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The last attempt failed: last_payment_error says why (§3.6).</source>
        <translation>前回の試行は失敗しました。理由は last_payment_error にあります（§3.6）。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Unverified: %1</source>
        <translation>未検証: %1</translation>
    </message>
</context>
<context>
    <name>facts</name>
    <message>
        <location filename="../../gui/dialogs/_facts.py" line="+84"/>
        <source>charge succeeds</source>
        <translation>請求は成功</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>charge declined: {code}</source>
        <translation>請求は拒否: {code}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>cannot be attached to a customer</source>
        <translation>顧客に関連付けできない</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>then a dispute</source>
        <translation>その後に不審請求の申し立て (dispute)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>refund pending → succeeded</source>
        <translation>返金は pending → succeeded</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>refund succeeded → failed</source>
        <translation>返金は succeeded → failed</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Becomes chargeable within seconds (owner[email] …_chargeable@example.com)</source>
        <translation>数秒で chargeable (請求可能) になる (owner[email] …_chargeable@example.com)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Funds arrive at once (+fill_now)</source>
        <translation>すぐに入金される (+fill_now)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Funds never arrive (+fill_never)</source>
        <translation>入金されない (+fill_never)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Charge succeeds after pending (owner[name] succeeding_charge, unverified)</source>
        <translation>請求は pending の後に成功 (owner[name] succeeding_charge、未検証)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Charge fails after pending (owner[name] failing_charge, unverified)</source>
        <translation>請求は pending の後に失敗 (owner[name] failing_charge、未検証)</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>charge pending → failed</source>
        <translation>請求は pending → failed</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>charge succeeds, then a dispute</source>
        <translation>請求は成功し、その後に不審請求の申し立て (dispute)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>charge pending → succeeded</source>
        <translation>請求は pending → succeeded</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>succeeds</source>
        <translation>成功する</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>fails on use</source>
        <translation>使うと失敗する</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>account closed</source>
        <translation>口座は解約済み</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>insufficient funds (NSF)</source>
        <translation>残高不足 (NSF)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>debit not authorized</source>
        <translation>引き落としが承認されていない</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>invalid currency</source>
        <translation>無効な通貨</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>PaymentIntent: declined at confirm</source>
        <translation>PaymentIntent：確定時に拒否</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>PaymentIntent: requires_action (3D Secure), then succeeds</source>
        <translation>PaymentIntent：requires_action（3D セキュア）の後に成功</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>PaymentIntent: succeeds without authentication</source>
        <translation>PaymentIntent：認証なしで成功</translation>
    </message>
    <message>
        <location line="+19"/>
        <location line="+11"/>
        <source>processing → succeeded</source>
        <translation>processing → succeeded</translation>
    </message>
    <message>
        <location line="-9"/>
        <location line="+10"/>
        <source>processing → requires_payment_method</source>
        <translation>processing → requires_payment_method</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>stays processing</source>
        <translation>processing のまま</translation>
    </message>
</context>
<context>
    <name>status</name>
    <message>
        <location filename="../../gui/widgets/status_style.py" line="-137"/>
        <source>waiting for the customer or for funds</source>
        <translation>顧客または入金を待っています</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>can be charged now</source>
        <translation>今すぐ請求できます</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>used up; can never be charged again</source>
        <translation>使い切りました。二度と請求できません</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>failed; no way back</source>
        <translation>失敗しました。元には戻りません</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>expired or abandoned</source>
        <translation>期限切れまたは放棄</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>not used yet; can be used once</source>
        <translation>未使用。1 回だけ使えます</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>already used; a token works once</source>
        <translation>使用済み。トークンは 1 回しか使えません</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the money moved</source>
        <translation>代金が移動しました</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>the money went back</source>
        <translation>代金が戻りました</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>waiting for an action</source>
        <translation>操作を待っています</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>needs a payment method (again, after a failure)</source>
        <translation>支払い方法が必要（失敗後にも戻る）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>has a payment method; waiting for confirm</source>
        <translation>支払い方法あり。確定待ち</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>submitted; the bank has not answered yet</source>
        <translation>送信済み。銀行の回答待ち</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>authorized; waiting for capture</source>
        <translation>承認済み。キャプチャ待ち</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>belongs to no customer: one use only</source>
        <translation>どの顧客にも属さない: 一回だけ使える</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>saved to a customer: reusable with it</source>
        <translation>顧客に保存済み: その顧客と再利用できる</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>detached: can never be used again</source>
        <translation>関連付け解除: 二度と使えない</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>not verified yet</source>
        <translation>未確認</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>verified</source>
        <translation>確認済み</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>verification failed</source>
        <translation>確認に失敗しました</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>errored</source>
        <translation>エラー</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>no status</source>
        <translation>ステータスなし</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>status</source>
        <translation>ステータス</translation>
    </message>
</context>
</TS>

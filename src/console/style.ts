/** The console's only stylesheet, served from /static/console.css (the CSP forbids inline styles). */
export const CONSOLE_CSS = `
*{box-sizing:border-box}body{margin:0;font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1d2433;background:#f5f7fa}
a{color:#0a58ca}header{background:#0b4f6c;color:#fff;padding:.6rem 1rem;display:flex;flex-wrap:wrap;gap:.4rem 1rem;align-items:center}
header a{color:#fff;text-decoration:none;padding:.2rem .4rem;border-radius:4px}header a.on{background:rgba(255,255,255,.2)}
header .brand{font-weight:700;margin-right:auto}header form{margin:0}
main{max-width:1200px;margin:0 auto;padding:1rem}h1{font-size:1.35rem;margin:.2rem 0 1rem}h2{font-size:1.1rem;margin:1.2rem 0 .5rem}
.card{background:#fff;border:1px solid #dde3ea;border-radius:8px;padding:1rem;margin-bottom:1rem}
table{width:100%;border-collapse:collapse;background:#fff}th,td{text-align:left;padding:.45rem .5rem;border-bottom:1px solid #e6ebf0;vertical-align:top}
th{font-size:.85rem;color:#52607a;background:#f0f3f7}tbody tr:hover{background:#f8fafc}
.table-wrap{overflow-x:auto}.muted{color:#66728a;font-size:.9rem}.flash{padding:.6rem .8rem;border-radius:6px;margin-bottom:1rem;background:#e8f4ec;border:1px solid #b9dfc5}
.flash.error{background:#fdecec;border-color:#f3b9b9}
form.filters{display:flex;flex-wrap:wrap;gap:.5rem;align-items:end}form.filters label{display:flex;flex-direction:column;font-size:.8rem;color:#52607a}
input,select,textarea,button{font:inherit;padding:.4rem .5rem;border:1px solid #b8c2cf;border-radius:5px;background:#fff}
button,.button{background:#0b4f6c;color:#fff;border-color:#0b4f6c;cursor:pointer;text-decoration:none;display:inline-block}
button.secondary,.button.secondary{background:#fff;color:#0b4f6c}button.danger{background:#b42318;border-color:#b42318}
.badge{display:inline-block;padding:.05rem .45rem;border-radius:999px;font-size:.8rem;background:#e6ebf0}
.badge.submitted{background:#fff4d6}.badge.needs_correction{background:#ffe3cc}.badge.approved{background:#dcefff}.badge.registered{background:#dcf5e3}.badge.rejected{background:#fde0e0}
dl.fields{display:grid;grid-template-columns:minmax(140px,220px) 1fr;gap:.3rem .8rem;margin:0}dl.fields dt{color:#52607a}dl.fields dd{margin:0}
.grid{display:grid;grid-template-columns:repeat(auto-fit,minmax(280px,1fr));gap:1rem}.checks li{color:#8a4b00}
.pager{display:flex;gap:.5rem;align-items:center;margin:.8rem 0}.stack>*+*{margin-top:.6rem}
.chat{max-width:480px}.bubble{padding:.5rem .7rem;border-radius:10px;margin:.3rem 0;white-space:pre-wrap;max-width:90%}
.bubble.me{background:#dcf8c6;margin-left:auto}.bubble.bot{background:#fff;border:1px solid #dde3ea}.chatlog{display:flex;flex-direction:column}
svg text{font:12px system-ui,sans-serif}input[type=checkbox]{width:1.3rem;height:1.3rem;vertical-align:middle}td a{white-space:nowrap}.inline{display:inline}.choice{display:inline-block;margin-right:.6rem}
@media (max-width:640px){dl.fields{grid-template-columns:1fr}form.filters label{flex:1 1 45%}form.filters input,form.filters select{width:100%}th.opt,td.opt{display:none}main{padding:.6rem}}
.qr svg{width:264px;height:264px;background:#fff;padding:8px}
.badge.withdrawn{background:#fde0e0;color:#8a1c12}
@media print{header,form,.no-print{display:none}body{background:#fff}main{max-width:none;padding:0}.card{border:0;padding:0}}
footer{max-width:1200px;margin:0 auto;padding:0 1rem 1.5rem;font-size:.9rem}code.secret{font-size:1.1rem;letter-spacing:.08em;word-break:break-all}
.recovery-codes{columns:2;font-size:1.05rem}.recovery-codes li{margin:.2rem 0}.pairing-code{font:700 2rem/1.2 ui-monospace,monospace;letter-spacing:.2em}
`;

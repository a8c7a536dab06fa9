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
.chart{list-style:none;margin:0;padding:0;font-size:14px}.chart-value{font-weight:600;font-variant-numeric:tabular-nums}
.chart-bar li,.progress{display:grid;grid-template-columns:1fr auto;gap:.1rem .6rem;align-items:baseline;margin:.15rem 0 .6rem;font-size:14px}
svg.bar{grid-column:1/-1;display:block;width:100%;height:12px}.progress.over .chart-value{color:#b91c1c}
.chart-column{display:grid;grid-auto-flow:column;grid-auto-columns:minmax(5.6rem,1fr);gap:.15rem;overflow-x:auto;align-items:end}
.chart-column li{display:flex;flex-direction:column;align-items:center;text-align:center}.chart-column svg.column{order:2;display:block;width:60%;height:140px}
.chart-column .chart-value{order:1}.chart-column .chart-label{order:3;color:#52607a;white-space:nowrap;padding-top:.2rem;font-size:13px}
dl.stats{display:grid;grid-template-columns:repeat(auto-fit,minmax(150px,1fr));gap:.6rem;margin:0 0 .4rem}.stat{background:#fff;border:1px solid #dde3ea;border-radius:8px;padding:.6rem .8rem}
.stat dt{font-size:.9rem;color:#52607a}.stat dd{margin:0;font-size:1.6rem;font-weight:700;font-variant-numeric:tabular-nums}.headline{font-size:1.3rem;font-weight:700;margin:.2rem 0 .6rem}
table.figures .num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}table.figures tfoot th,table.figures tfoot td{border-top:2px solid #b8c2cf}
tr.flagged td{background:#fff4f2}form.blocks label{display:block}.grid.top{align-items:start}td details summary{cursor:pointer;color:#0a58ca;white-space:nowrap}td form.inline{margin-left:.3rem}
@media print{@page{margin:15mm}form.filters,main .no-print{display:none}.grid{display:block}.report .card,.report table{break-inside:avoid}.chart-column{overflow:visible}a{color:inherit;text-decoration:none}}
.badge.withdrawn{background:#fde0e0;color:#8a1c12}
.queue-top form.filters.card{padding:.45rem .75rem;margin-bottom:.4rem;gap:.4rem .5rem;align-items:center}.queue-top label.search{flex:1 1 18rem;flex-direction:row;align-items:center;gap:.5rem;font-size:.9rem}.queue-top label.search input{flex:1;min-width:0}
form.filters details.more{flex:0 1 auto;font-size:.85rem}form.filters details.more[open]{flex:1 1 100%}form.filters details.more summary{cursor:pointer;color:#0a58ca}.more-fields{display:flex;flex-wrap:wrap;gap:.5rem;align-items:end;margin-top:.4rem}
nav.tabs{display:flex;flex-wrap:wrap;gap:.2rem;border-bottom:1px solid #dde3ea;margin:0 0 .4rem}nav.tabs a{padding:.25rem .6rem;border:1px solid transparent;border-radius:6px 6px 0 0;margin-bottom:-1px;text-decoration:none;color:#1d2433;font-size:.9rem}
nav.tabs a.on{background:#fff;border-color:#dde3ea #dde3ea #fff;font-weight:600}nav.tabs .count{display:inline-block;margin-left:.3rem;padding:0 .4rem;border-radius:999px;background:#e6ebf0;font-size:.78rem;font-weight:400}
.note{margin:.2rem 0 .4rem}form.filters .note{flex:1 1 100%;margin:0}.bulkbar{display:flex;flex-wrap:wrap;gap:.3rem .8rem;align-items:center;justify-content:space-between;margin:.2rem 0 .4rem}.bulkbar p{margin:0}
table.queue{font-size:.875rem;line-height:1.3}table.queue th,table.queue td{padding:.28rem .45rem;white-space:nowrap;vertical-align:middle}
table.queue input[type=checkbox]{width:1.05rem;height:1.05rem;margin:0}table.queue small{color:#66728a;font-size:.78rem}table.queue .badge{font-size:.75rem}
table.queue .clip{display:inline-block;max-width:13rem;overflow:hidden;text-overflow:ellipsis;vertical-align:bottom}table.queue td.q-place .clip{max-width:10rem}table.queue td.q-group .clip{max-width:8.5rem}table.queue td.q-checks .clip{max-width:8rem}table.queue td.q-regency .clip{max-width:9rem}
.badge.test{background:#ede7ff;color:#4b2a9b;margin-left:.3rem}.badge.regency{background:#dff3ee;color:#0b4f6c}.chip{display:inline-block;padding:0 .3rem;margin-right:.2rem;border-radius:4px;background:#fff1db;color:#7a4300;font-size:.75rem}
@media (max-width:640px){table.queue,table.queue tbody{display:block}table.queue thead{display:none}table.queue td{display:block;border:0;padding:0}
table.queue tr{display:grid;grid-template-columns:auto 1fr auto;grid-template-areas:"pick ref status" "pick name when" "pick checks checks";gap:.15rem .5rem;align-items:center;padding:.45rem .2rem;border-bottom:1px solid #e6ebf0}
table.queue td.q-pick{grid-area:pick}table.queue td.q-pick+td{grid-area:ref}table.queue td.q-status{grid-area:status;justify-self:end}table.queue td.q-name{grid-area:name;min-width:0}table.queue td.q-name .clip{max-width:100%}
table.queue td.q-when{grid-area:when;justify-self:end}table.queue td.q-checks{grid-area:checks}table.queue td.q-place,table.queue td.q-regency,table.queue td.opt{display:none}table.queue td.q-empty{grid-column:1/-1}}
@media print{header,form,.no-print{display:none}body{background:#fff}main{max-width:none;padding:0}.card{border:0;padding:0}}
footer{max-width:1200px;margin:0 auto;padding:0 1rem 1.5rem;font-size:.9rem}code.secret{font-size:1.1rem;letter-spacing:.08em;word-break:break-all}
.recovery-codes{columns:2;font-size:1.05rem}.recovery-codes li{margin:.2rem 0}.pairing-code{font:700 2rem/1.2 ui-monospace,monospace;letter-spacing:.2em}
/* The registration's page: data left, decisions and checks right (sticky: always in view at 1366×768), history below the data. */
.detail{display:grid;grid-template-columns:minmax(0,1fr) minmax(320px,390px);gap:1rem;align-items:start}.detail .card{margin-bottom:1rem}
aside.decide{position:sticky;top:.5rem;max-height:calc(100vh - 1rem);overflow:auto}aside.decide>.card:last-child{margin-bottom:0}
.decide-bar h2{margin:0 0 .5rem}.decide-bar a.button{padding:.4rem .6rem;border:1px solid #0b4f6c;border-radius:5px}.decide-row{display:flex;flex-wrap:wrap;gap:.5rem;align-items:center;margin:0 0 .5rem}.decide-row input{flex:1 1 8rem;min-width:0}
.decide-bar details{border-top:1px solid #e6ebf0;padding:.35rem 0}.decide-bar summary{cursor:pointer;font-weight:600;padding:.15rem 0}.decide-bar details[open] summary{margin-bottom:.4rem}
.correction-fields{columns:2;column-gap:.6rem}.correction-fields .choice{display:block;margin:0 0 .25rem;break-inside:avoid}
kbd{display:inline-block;font:600 .72rem/1.3 ui-monospace,monospace;border:1px solid #b8c2cf;border-bottom-width:2px;border-radius:4px;padding:0 .3rem;background:#f5f7fa;color:#1d2433;margin-left:.35rem;vertical-align:middle}
.keys{margin:.5rem 0 0;font-size:.8rem}.keys span{white-space:nowrap;margin-left:.5rem}.keys kbd{margin:0 .2rem 0 0}
.notice{display:flex;flex-wrap:wrap;gap:.3rem 1rem;align-items:center}.notice p{margin:0}.notice form{margin-left:auto}
.status-line{margin:.2rem 0 .8rem}.waiting{font-size:.9rem;font-weight:600;color:#52607a}.opened-by{font-size:.9rem;font-weight:600;color:#8a4b00}
ul.checks{margin:0;padding-left:1.1rem}ul.checks li{margin-bottom:.5rem}ul.checks .what{display:block;color:#1d2433}ul.checks .todo{display:block;color:#52607a;font-size:.88rem}
ol.history{padding-left:1.3rem;margin:0;font-size:.92rem}ol.history li{margin-bottom:.35rem}ol.history ul.changes{margin:.15rem 0 0;padding-left:1.1rem}
details.erase>summary{cursor:pointer;color:#b42318;margin-bottom:.6rem}.sr-only{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
@media (max-width:900px){.detail{grid-template-columns:1fr;gap:0}aside.decide{position:static;max-height:none;order:2}.detail-main{display:contents}.detail-main>*{order:3}.detail-main>*:first-child{order:1}}
/* Figures from public reports (a regency's dashboard): label and value on a line, source and month under them, in as many columns as fit. */
ul.reported-figures{list-style:none;margin:.4rem 0;padding:0;display:grid;grid-template-columns:repeat(auto-fill,minmax(min(100%,19rem),1fr));gap:.2rem 1.4rem;align-items:start}
ul.reported-figures li{display:grid;grid-template-columns:minmax(0,1fr) auto;gap:0 .6rem;align-items:baseline;align-content:start;padding:.35rem 0;border-bottom:1px solid #e6ebf0}
.rf-value{font-variant-numeric:tabular-nums;text-align:right;white-space:nowrap}.rf-source{grid-column:1/-1;color:#66728a;font-size:.82rem}
details.rf-sources{font-size:.88rem;margin-top:.4rem}details.rf-sources summary{cursor:pointer;color:#0a58ca}details.rf-sources ul{margin:.3rem 0 0;padding-left:1.1rem;color:#52607a}
/* The regencies' table fits a laptop's width: its cells wrap (a figure's words may break, never a number's digits). */
table.figures.regencies .num,table.figures.regencies th{white-space:normal}table.regencies td.reported{min-width:13rem;max-width:20rem}table.regencies td.name{min-width:9rem}
/* The regencies' table on a phone: each regency a block of labelled lines, nothing off the side. */
@media (max-width:640px){table.regencies,table.regencies tbody,table.regencies tfoot,table.regencies tr,table.regencies td,table.regencies tfoot th{display:block}table.regencies thead{display:none}
table.regencies tr{padding:.45rem .1rem;border-bottom:1px solid #e6ebf0}table.figures.regencies td,table.figures.regencies tfoot th{border:0;padding:.1rem .2rem;text-align:left;white-space:normal;max-width:none;min-width:0;background:none}
table.regencies td.name,table.regencies tfoot th:first-child{font-weight:600;font-size:1rem;color:#1d2433}table.regencies [data-label]::before{content:attr(data-label) ": ";color:#52607a;font-size:.82rem;font-weight:400}
table.regencies td:empty,table.regencies tfoot th:empty{display:none}table.figures.regencies tfoot th{border-top:0}table.regencies tfoot tr{border-top:2px solid #b8c2cf}}
`;

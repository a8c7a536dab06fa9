// Development question set 16: messages written fresh (not copied from other sets) by imagining
// specific people — a fisher's wife, a village midwife cadre, an ojek driver, a market trader, a
// young farm labourer, a retired village secretary — and how they would type on WhatsApp.
import type { ConversationStep, LabelledMessage } from './labelled-types.js';

type Topic = LabelledMessage['topic'];
const m = (text: string, topic: Topic): LabelledMessage => ({ text, topic });
const en = (text: string, topic: Topic): LabelledMessage => ({ text, topic, lang: 'en' });
const at = (step: ConversationStep, text: string, topic: Topic): LabelledMessage => ({ text, topic, step });

// Personas behind the messages:
// - Bu Sumiati (44), fisher's wife in Juwana, Pati; Javanese, types slowly, mixes krama/ngoko.
// - Teh Euis (36), kader posyandu who helps the village midwife, Garut; Sundanese, polite, signs up neighbours.
// - Bang Torang (38), ojek pangkalan in Medan; Batak Indonesian, blunt.
// - Acil Masriah (52), cloth trader at Pasar Martapura, Kab. Banjar; Banjar, her son types some of it.
// - Rizki (19), buruh tani in Jember; heavy typos, no punctuation, "aq", "gk".
// - Pak Darmawan (63), retired sekretaris desa in Padang Pariaman; Minang, fairly formal, long messages.
// - Daeng Baso (47), small fisher in Takalar; Makassar particles (ji, mi, ki, di').
// - Bang Jali (45), Betawi ojol driver and warung owner in Bekasi; "aye", "ente", "kagak".
// - Pak Heru (50), ketua RT in Muara Teweh, Barito Utara; on Telegram, registering several neighbours.
// - Maya (27), NGO field worker / daughters abroad typing in English for their parents.
export const DEV16: LabelledMessage[] = [
  // greeting
  m('assalamualaikum min', 'greeting'),
  m('punten teh, wilujeng enjing 🙏', 'greeting'),
  m('horas bah, ada orang nya ini?', 'greeting'),
  en('hi there', 'greeting'),

  // thanks
  m('matur nuwun sanget nggih mbak, sampun jelas', 'thanks'),
  m('hatur nuhun pisan kak 🙏🙏 nanti sy kabarin ibu2 posyandu', 'thanks'),
  m('tengkyu bang, aye ngarti dah sekarang', 'thanks'),
  en('thanks, that was really helpful', 'thanks'),

  // want_register
  m('bojoku nelayan tp aku jg pengen ikut bpjs tk, bakul ikan di tpi', 'want_register'),
  m('daftarin aq dong kak', 'want_register'),
  m('ulun handak bedaftar jua lah, kawa kah lewat sini', ['want_register', 'how_register']),
  en('I want to join, please sign me up', 'want_register'),

  // check_status
  m('udh daftar minggu lalu lewat bu kader tp blm ada kabar, gmn statusnya', 'check_status'),
  m('data ulun sudah masuk kah? kemarin anak ulun nang mengirimkan', 'check_status'),
  en('has my registration been approved yet?', 'check_status'),

  // delete_my_data
  m('tolong hapus data sy ya, suami ga ngijinin ikut', 'delete_my_data'),
  m('sy cabut persetujuan, KTP sy jgn disimpen lg', ['delete_my_data', 'privacy']),
  en('please remove all my personal data from your system', 'delete_my_data'),

  // what_is_bpjstk
  m('anak sy nanya bpjs ketenagakerjaan tuh apaan mak, emak jg bingung 😅', 'what_is_bpjstk'),
  m('apo tu bpjs naker, ambo alun tau bana. dulu di kantua wali nagari ado, tapi lupo', 'what_is_bpjstk'),
  en('what is BPJS Ketenagakerjaan? is it the same as the health one?', ['what_is_bpjstk', 'kesehatan']),

  // bpu_benefits
  m('sy jualan sayur di pasar subuh, klo ikut dapet apa aja', 'bpu_benefits'),
  m('buat tukang ojek kaya aye manfaatnye ape aje bang', 'bpu_benefits'),
  m('untungnya jd peserta mandiri apa sih, kok pd disuruh ikut sm pak rt', 'bpu_benefits'),

  // jkk
  m('kmrn tetangga jatuh dr pohon kelapa pas manjat, patah kaki. klo sy ikut trus kejadian gitu ditanggung gk', 'jkk'),
  m('bojoku melaut, nek perahune kebalik trus luka2 rumah sakite dibayari po?', 'jkk'),
  m('kecelakaan di jalan pas berangkat ke pasar itu masuk kecelakaan kerja kah', 'jkk'),
  m('klo sampe cacat ga bs narik lg dpt brp bah', 'jkk'),

  // jkm
  m('klo peserta meninggal krn sakit biasa keluarganya dpt brp', 'jkm'),
  m('santunan kematian 42 juta itu beneran apa hoax, ada di grup wa', 'jkm'),

  // jkm_scholarship
  m('katanya ada beasiswa anak kalo bapaknya meninggal, brp anak yg dpt', 'jkm_scholarship'),
  m('anak sy tiga msh sekolah semua, sd smp sma. beasiswanya bs buat ketiganya?', 'jkm_scholarship'),
  m('beasiswa itu sampe kuliah jg kah, daeng bilang cuma sampe sma ji', 'jkm_scholarship'),

  // jht
  m('jht itu tabungan ya? cairnya kapan', 'jht'),
  m('jaminan hari tua tu samo jo manabuang kah? ado bungonyo?', 'jht'),
  m('umur 56 baru bs diambil ya jht nya', ['jht', 'claim_jht']),

  // jht_partial
  m('bs gk ambil sebagian jht buat benerin atap rumah yg bocor', 'jht_partial'),
  m('udh 11 thn ikut, mau cairin 10% dulu bisa ga', 'jht_partial'),
  en('can I withdraw part of my JHT early to renovate my house?', 'jht_partial'),

  // jp
  m('sy ngojek bs dpt pensiun bulanan gk kayak pns', 'jp'),
  m('jaminan pensiun itu umur brp dapetnya, anak sy kerja di pabrik', 'jp'),
  en('is there a monthly pension for self-employed people?', 'jp'),

  // jkp
  m('kena phk dr pabrik rokok, ada jaminan kehilangan pekerjaan kan', 'jkp'),
  m('anak sy di phk bulan lalu, msh bs klaim jkp gk', 'jkp'),

  // bpu_contribution
  m('iurannya brp sebulan', 'bpu_contribution'),
  m('enam belas ribu delapan ratus itu per bulan ya bu? sdh jkk jkm', 'bpu_contribution'),
  en('how much is the monthly fee for a street food seller?', 'bpu_contribution'),

  // income_declare
  m('penghasilan sy ga tentu kadang sejuta kadang cm 500rb, nulisnya gmn', 'income_declare'),
  m('klo penghasilan ditulis kecil iurannya lbh murah ya?', ['income_declare', 'bpu_contribution']),

  // jht_optional
  m('jht wajib kah atau boleh ga ikut', 'jht_optional'),
  en('do I have to pay for JHT too or is it optional?', 'jht_optional'),

  // discount
  m('katanya ada diskon iuran separo buat ojol ya bang', 'discount'),
  m('potongan iuran buat sopir angkot berlaku smp kapan', 'discount'),

  // wage_contribution
  m('sy kerja di toko bangunan, potongan gaji buat bpjs tk brp persen', 'wage_contribution'),
  m('iuran jp 3 persen dipotong dr gaji semua?', ['wage_contribution', 'jp']),

  // free_contribution
  m('ada yg gratis gk? dibayarin pemda gitu', 'free_contribution'),
  m('betul kah gratis dari pemkab? ulun kada baduit gasan bayar tiap bulan', 'free_contribution'),
  en('does the regency pay the fee for fishermen here?', 'free_contribution'),

  // pay_how
  m('bayarnya dmn? bs lwt indomaret?', 'pay_how'),
  m('nyetor iuran tiap bulan kemana ya, rumah sy jauh dr kota, bs pake dana?', 'pay_how'),

  // inactive
  m('sy telat bayar tiga bulan krn musim paceklik, msh aktif kah kartunya', 'inactive'),
  m('dulu ikut tp berhenti bayar pas covid, bs lanjut lg?', 'inactive'),
  en('what happens if I stop paying for a few months?', 'inactive'),

  // who_can_join
  m('siapa aja yg boleh ikut', 'who_can_join'),
  m('ibu rumah tangga bisa daftar juga?', 'who_can_join'),

  // own_account
  m('petani penggarap bs ikut gk, sawahnya punya org', 'own_account'),
  m('aq buruh tni harian di jember bs ikt gk', 'own_account'),
  m('iye, nelayan pake perahu sendiri ji, bisa masuk bpu?', 'own_account'),

  // wage_worker
  m('sy karyawan pabrik, daftarnya sendiri atau lewat kantor', 'wage_worker'),
  m('kerja di pt tp kontrak, ikut yg mana', 'wage_worker'),

  // employer_report
  m('bos aye kagak mau daftarin bpjs tk, aye lapor kemane', 'employer_report'),
  m('juragan kapal ga mau daftarin abk nya padahal kami digaji bulanan, gmn', 'employer_report'),
  en('my employer deducts BPJS from my salary but never registered me', 'employer_report'),

  // village_roles
  m('sy kader posyandu, ada jaminan dr desa gk teh', 'village_roles'),
  m('Selamat siang. Saya ketua RT di Muara Teweh, apakah RT dapat BPJS TK gratis dari kabupaten?', ['village_roles', 'free_contribution']),
  m('perangkat nagari wajib ikuik bpjs tk ndak?', 'village_roles'),

  // pekerja_rentan
  m('sy masuk dtks, dpt bantuan iuran bpjs tk gk', 'pekerja_rentan'),
  m('klo ga terdata di data sosial desa bs masuk pekerja rentan?', 'pekerja_rentan'),

  // age_limit
  m('bapak sy umur 65 msh kuat ke sawah, msh bs daftar?', 'age_limit'),
  m('anak umur 16 udh kerja di sawah boleh didaftarkan?', 'age_limit'),

  // foreigner
  m('suami sy wn malaysia kerja di sini, bs ikut?', 'foreigner'),
  en('I am a foreigner living here and I run a small cafe, can I join?', 'foreigner'),

  // already_member
  m('sy udh punya kartu bpjs tk dr kerja dulu, perlu daftar lg?', 'already_member'),
  m('dulu pernah jd peserta jamsostek pas di pabrik, skrg mau mandiri', 'already_member'),

  // how_register
  m('kek mana cara daftarnya lae', 'how_register'),
  m('daftar bs lwt hp aja atau harus ke kantor', 'how_register'),

  // documents
  m('syarat daftar apa aja, perlu fotokopi kk?', 'documents'),
  m('ktp sy blm jadi, cm ada surat keterangan, bisa?', ['documents', 'nik']),
  en('what documents do I need to prepare?', 'documents'),

  // nik
  m('nik sy kok ditolak terus', 'nik'),
  m('nik sy msh nik daerah asal, skrg tinggal di kalsel, masalah gk', 'nik'),

  // register_other
  m('sy kader teh, mau daftarin sapuluh warga sakaligus tiasa?', 'register_other'),
  m('daftarin suami boleh pake nomor sy?', 'register_other'),
  en('can I sign up my mum? she sells snacks at the market and has no smartphone', 'register_other'),

  // after_register
  m('abis daftar trus ngapain', 'after_register'),
  m('setelah daftar lgsg aktif atau nunggu', 'after_register'),

  // reference_code
  m('kode pendaftaran sy ilang, gmn', 'reference_code'),
  m('sy lupa nomor kode daftarnya, hp nya keformat', 'reference_code'),

  // correct_data
  m('nama sy kurang 1 huruf di pendaftaran', 'correct_data'),
  m('alamat sy udh pindah, mau ubah data', 'correct_data'),

  // status_meaning
  m('status sy "menunggu verifikasi" itu artinya apa', 'status_meaning'),
  m('kok statusnya ditolak, knp ya', 'status_meaning'),

  // claim_jkm
  m('bapak sy meninggal bulan lalu, beliau peserta. cara klaimnya gmn', 'claim_jkm'),
  m('bojoku seda kena serangan jantung, kulo mau urus santunane pripun', 'claim_jkm'),
  en('my dad passed away last month, he was a member. how do we claim?', 'claim_jkm'),

  // claim_jkk
  m('tangan sy kena mesin giling padi, gmn urus klaim jkk', 'claim_jkk'),
  m('td jatuh dr motor pas narik, ke rs mana biar ditanggung', 'claim_jkk'),
  m('klaim kecelakaan kerja hrs lapor brp hari', 'claim_jkk'),

  // claim_jht
  m('cara cairin jht gmn', 'claim_jht'),
  m('sy berhenti kerja, jht bs diambil kapan', ['claim_jht', 'jht']),
  m('klaim jht bs online?', ['claim_jht', 'jmo']),

  // regency_programme
  m('program pemkab banjar gasan pekerja rentan tu masih buka kah lah?', 'regency_programme'),
  m('kuota kabupaten udh penuh blm', 'regency_programme'),

  // dana_desa
  m('boleh gk iuran bpjs tk warga dibayar pake dana desa', 'dana_desa'),
  m('kades nanya, ADD bs buat bayar iuran perangkat?', 'dana_desa'),

  // privacy
  m('data sy aman gk? takut disalahgunain', 'privacy'),
  m('sy mau liat data apa aja yg disimpen ttg sy', 'privacy'),

  // data_use
  m('ktp sy buat apa sih, ntar dipake pinjol gk', 'data_use'),
  m('data ini dikirim kemana aja', 'data_use'),

  // kpj
  m('nomor kpj itu apa', 'kpj'),
  m('kartu bpjs tk ku hilang mi waktu banjir, bisa dicetak ulang ji?', 'kpj'),
  en('what is a KPJ number?', 'kpj'),

  // jmo
  m('aplikasi jmo itu apa', 'jmo'),
  m('gmn login jmo, lupa password', 'jmo'),

  // heirs
  m('ahli waris hrs istri ya? sy blm nikah', 'heirs'),
  en('who gets the money if I die? I am not married', 'heirs'),

  // kesehatan
  m('ini bpjs yg buat berobat ke puskesmas bukan', 'kesehatan'),
  m('beda bpjs kesehatan sama ketenagakerjaan apa', 'kesehatan'),
  m('sy udh punya kis, masih perlu yg ini?', 'kesehatan'),

  // official
  m('ini resmi dr bpjs bukan? takut penipuan', 'official'),
  m('kok minta nik, ini bot asli?', ['official', 'data_use']),
  en('is this bot run by the government or is it a scam?', 'official'),

  // contact_office
  m('kantor disnaker dmn ya', 'contact_office'),
  m('mau ngomong sama petugas langsung', 'contact_office'),

  // bot_capabilities
  m('bot ini bs bantu apa aja', 'bot_capabilities'),
  m('menu', 'bot_capabilities'),
  en('what can you help me with?', 'bot_capabilities'),

  // contribution_jkk
  m('iuran jkk brp persen', 'contribution_jkk'),
  m('jkk nya aja bayar brp klo penghasilan dua juta sebulan', 'contribution_jkk'),
  m('1% itu dari apa, dari penghasilan?', ['contribution_jkk', 'income_declare']),

  // contribution_jkm
  m('iuran jkm 6800 itu tetap ya', 'contribution_jkm'),
  m('jkm doang bayar brp', 'contribution_jkm'),
  m('kematian nya aja iurannya sebulan berapa ya pak, tanpa yg lain', 'contribution_jkm'),

  // compare_programmes
  m('bedanya jkk jkm jht apa', 'compare_programmes'),
  m('mending ambil yg mana kalo cuma sanggup satu, jkk ato jht', ['compare_programmes', 'jht_optional']),
  m('jkk jkm jht jp jkp, pusing, jelasin singkat', 'compare_programmes'),

  // waiting_periods
  m('baru daftar langsung bisa klaim?', 'waiting_periods'),
  m('jht minimal brp tahun baru bs diambil 10%', ['waiting_periods', 'jht_partial']),
  en('how many years do I need to pay before my kids can get the scholarship?', ['waiting_periods', 'jkm_scholarship']),

  // mid-flow: calculator
  at('calculator.income', 'penghasilan itu per hari atau per bulan?', 'income_declare'),
  at('calculator.income', 'ga tentu bang, kadang dapet kadang zonk', 'income_declare'),
  at('calculator.income', 'hrs jujur kah? ntar dicek?', 'income_declare'),
  at('calculator.income', 'klo pemkab yg bayar sy ga usah isi ya', 'free_contribution'),
  at('calculator.after', 'itu udh termasuk jht?', ['bpu_contribution', 'jht_optional']),
  at('calculator.after', 'bayarnya kmn', 'pay_how'),
  at('calculator.after', 'ada diskon gk buat ojol', 'discount'),
  at('calculator.after', 'klo sebulan ga bayar gmn', 'inactive'),
  at('calculator.after', 'mahal jg ya, ada yg gratis?', 'free_contribution'),

  // mid-flow: eligibility
  at('eligibility.work', 'kerja sy serabutan, kadang kuli kadang ngojek', 'own_account'),
  at('eligibility.work', 'sy ibu rumah tangga tp jualan online, masuk?', ['own_account', 'who_can_join']),
  at('eligibility.work', 'kader posyandu termasuk pekerja?', 'village_roles'),
  at('eligibility.work', 'sy karyawan tp gajinya kecil, bs ikut mandiri aja?', 'wage_worker'),
  at('eligibility.work', 'sopir truk ikut yg mana, bpu apa pu', ['own_account', 'wage_worker']),
  at('eligibility.age', 'ambo lah 63 taun, alah talambek?', 'age_limit'),
  at('eligibility.age', 'anak 15 thn udh bantu melaut, boleh?', 'age_limit'),
  at('eligibility.age', 'umur siapa? sy mau daftarin bapak sy', 'register_other'),

  // mid-flow: registration
  at('registration.fullName', 'ini buat daftarin ibu sy, nama siapa yg ditulis', 'register_other'),
  at('registration.fullName', 'knp hrs nama lengkap, buat apa', 'data_use'),
  at('registration.fullName', 'ini resmi kan? bukan penipuan', 'official'),
  at('registration.nik', 'nik itu yg mana? di kk ada bnyk angka', 'nik'),
  at('registration.nik', 'aman kah kasih nik lewat wa?', ['privacy', 'data_use']),
  at('registration.nik', 'ktp ilang, cm ada fotokopi kk', 'documents'),
  at('registration.nik', 'sy mau berhenti aja, hapus yg td', 'delete_my_data'),
  at('registration.nik', 'bntr sy cari ktp dulu', null),
  at('registration.birthDate', 'sy lupa tgl lahir, cm tau tahunnya', ['nik', 'documents']),
  at('registration.birthDate', 'tgl lahir yg td salah, bs diulang?', 'correct_data'),
  at('registration.address', 'sy tinggal di kab lain dr ktp, msh bs ikut program pemkab?', 'regency_programme'),
  at('registration.occupation', 'nelayan sama petani dua2nya, pilih mana', 'own_account'),
  at('registration.occupation', 'sy ketua rt merangkap pedagang, tulis apa', 'village_roles'),
  at('registration.income', 'hrs diisi persis? ga tau pasti', 'income_declare'),
  at('registration.income', 'klo tulis 2 juta iurannya jd brp', 'bpu_contribution'),
  at('registration.income', 'penghasilan ini dilaporin ke pajak gk', 'data_use'),
  at('registration.heirName', 'ahli waris boleh adik?', 'heirs'),
  at('registration.heirName', 'ahli waris nanti dapet apa aja', ['jkm', 'heirs']),
  at('registration.heirRelation', 'keponakan termasuk gk', 'heirs'),
  at('registration.phone', 'hp sy hp anak, gpp?', 'register_other'),
  at('registration.phone', 'nomor ini buat apa', 'data_use'),
  at('registration.phone', 'abis ini dpt kartu?', 'after_register'),
  at('registration.phone', 'nanti ada yg nelpon? sy sering ga ada sinyal di laut', 'after_register'),

  // out_of_scope
  m('kartu kis sy hilang gmn ngurusnya', 'out_of_scope'),
  m('kartu bpjs tk bs dijadiin agunan kur gk', 'out_of_scope'),
  m('pkh bulan ini cair kapan', 'out_of_scope'),
  m('blt dd sy kok ga dpt taun ini', 'out_of_scope'),
  m('pinjol mana yg aman min', 'out_of_scope'),
  m('daftar prakerja gelombang brp skrg', 'out_of_scope'),
  m('ada lowongan kerja di kapal ga', 'out_of_scope'),
  m('besok ujan gk ya, mau melaut', 'out_of_scope'),
  m('jual hp bekas murah, minat japri', 'out_of_scope'),
  m('pilih caleg siapa bagusnya bah', 'out_of_scope'),
  m('rawat inap di rs pake bpjs kesehatan kelas 3 brp hari', 'out_of_scope'),
  m('bpjs kesehatan sy nunggak, dendanya brp', 'out_of_scope'),
  m('harga gabah skrg brp', 'out_of_scope'),
  m('gmn cara dpt pupuk subsidi', 'out_of_scope'),
  m('bs bantu bikin surat lamaran kerja', 'out_of_scope'),
  m('bansos sembako buat nelayan ada ga', 'out_of_scope'),
  m('kabarnya pak kades mau nikah lg ya 🤭', 'out_of_scope'),
  m('kuota internet murah dmn', 'out_of_scope'),
  m('cara daftar kartu tani', 'out_of_scope'),
  en('can you recommend a cheap motorbike loan?', 'out_of_scope'),

  // null: too vague to answer confidently
  m('bpjs gmn', null),
  m('min', null),
  m('ok sip', null),
  m('?', null),
  m('tanya', null),
  m('👍👍', null),
  m('gmn ya', null),
  m('itu tadi maksudnya gmn', null),
  m('p', null),
  m('bpjs', null),
  m('yg kemarin itu loh', null),
  m('mau nanya dong', null),
];

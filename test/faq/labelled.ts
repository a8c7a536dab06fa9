// Realistic chat messages, labelled with the knowledge-base topic (locales/*.json `kb`) the bot
// should answer, or null when it should NOT answer confidently (off-topic, too vague, noise).
// Written as informal workers and cadres type on WhatsApp/Telegram: slang, abbreviations, typos,
// no punctuation, mixed languages. `lang: 'en'` marks fully English messages.
// Items after the `// added:` comment may also use a list of acceptable topics, 'out_of_scope'
// (clearly not BPJS Ketenagakerjaan) and `step` (typed mid-conversation); see labelled-types.ts.
import type { LabelledMessage } from './labelled-types.js';

export const LABELLED: LabelledMessage[] = [
  // greeting
  { text: 'halo', topic: 'greeting' },
  { text: 'assalamualaikum min', topic: 'greeting' },
  { text: 'pagi kak', topic: 'greeting' },
  { text: 'hallo selamat siang', topic: 'greeting' },
  { text: 'hi there', topic: 'greeting', lang: 'en' },

  // thanks
  { text: 'makasih ya kak', topic: 'thanks' },
  { text: 'ok mksh infonya', topic: 'thanks' },
  { text: 'thx', topic: 'thanks' },
  { text: 'terima kasih banyak bu', topic: 'thanks' },
  { text: 'thank you so much', topic: 'thanks', lang: 'en' },

  // want_register
  { text: 'sy mau daftar', topic: 'want_register' },
  { text: 'daftarin sy dong', topic: 'want_register' },
  { text: 'saya mau ikut jadi peserta', topic: 'want_register' },
  { text: 'pengen ikut bpjs tk', topic: 'want_register' },
  { text: 'I want to register', topic: 'want_register', lang: 'en' },

  // check_status
  { text: 'pendaftaran sy udh diproses blm', topic: 'check_status' },
  { text: 'cek status', topic: 'check_status' },
  { text: 'status pendaftaran saya gmn', topic: 'check_status' },
  { text: 'udah seminggu blm ada kabar pendaftaran nya', topic: 'check_status' },
  { text: 'has my registration been approved', topic: 'check_status', lang: 'en' },

  // delete_my_data
  { text: 'hapus data sy', topic: 'delete_my_data' },
  { text: 'sy ga jadi daftar hapus aja datanya', topic: 'delete_my_data' },
  { text: 'sy mau cabut persetujuan', topic: 'delete_my_data' },
  { text: 'please delete my data', topic: 'delete_my_data', lang: 'en' },

  // what_is_bpjstk
  { text: 'bpjs ketenagakerjaan itu apa sih', topic: 'what_is_bpjstk' },
  { text: 'apa gunanya ikut bpjs tk', topic: 'what_is_bpjstk' },
  { text: 'knp hrs ikut jamsostek', topic: 'what_is_bpjstk' },
  { text: 'what is bpjs ketenagakerjaan', topic: 'what_is_bpjstk', lang: 'en' },

  // bpu_benefits
  { text: 'klo ikut dpt apa aja', topic: 'bpu_benefits' },
  { text: 'ikut bpjs tk dapet manfaat apa', topic: 'bpu_benefits' },
  { text: 'keuntungannya apa kalo sy ikut', topic: 'bpu_benefits' },
  { text: 'what benefits do i get if i join', topic: 'bpu_benefits', lang: 'en' },

  // jkk
  { text: 'klo kecelakan kerja ditanggung ga', topic: 'jkk' },
  { text: 'jatuh dr pohon kelapa pas kerja ditanggung gak', topic: 'jkk' },
  { text: 'kalo cacat karna kerja dpt brp', topic: 'jkk' },
  { text: 'jkk itu apa', topic: 'jkk' },
  { text: 'what does the work accident cover pay', topic: 'jkk', lang: 'en' },

  // jkm
  { text: 'kalau sy meningal keluarga dpt brp', topic: 'jkm' },
  { text: 'santunan kematian brp', topic: 'jkm' },
  { text: 'uang duka nya brpaaa', topic: 'jkm' },
  { text: 'jaminan kematian itu gmn', topic: 'jkm' },
  { text: 'how much does my family get if i die', topic: 'jkm', lang: 'en' },

  // jkm_scholarship
  { text: 'beasiswa anak gmn caranya', topic: 'jkm_scholarship' },
  { text: 'anak sy masih sd bisa dpt beasiswa?', topic: 'jkm_scholarship' },
  { text: 'ada bantuan biaya sekolah anak ga', topic: 'jkm_scholarship' },
  { text: 'is there school money for my kids', topic: 'jkm_scholarship', lang: 'en' },

  // jht
  { text: 'jht itu apa', topic: 'jht' },
  { text: 'tabungan hari tua gmn', topic: 'jht' },
  { text: 'JHT apaan sih', topic: 'jht' },
  { text: 'what is old age savings', topic: 'jht', lang: 'en' },

  // jht_partial
  { text: 'jht bisa diambil sebagian buat beli rumah?', topic: 'jht_partial' },
  { text: 'cair 10 persen jht syaratnya apa', topic: 'jht_partial' },
  { text: 'blm 56 thn bs ambil sebagian jht?', topic: 'jht_partial' },
  { text: 'can i take out part of my jht for a house', topic: 'jht_partial', lang: 'en' },

  // jp
  { text: 'ada uang pensiun ga buat petani', topic: 'jp' },
  { text: 'pensiun bulanan bisa ikut gak', topic: 'jp' },
  { text: 'umur pensiun brp skrg', topic: 'jp' },
  { text: 'do i get a monthly pension', topic: 'jp', lang: 'en' },

  // jkp
  { text: 'kena phk dpt apa', topic: 'jkp' },
  { text: 'jkp itu apa', topic: 'jkp' },
  { text: 'sy dipecat dr pabrik ada tunjangan ga', topic: 'jkp' },
  { text: 'I got laid off, what can I get', topic: 'jkp', lang: 'en' },

  // bpu_contribution
  { text: 'brp iurannya', topic: 'bpu_contribution' },
  { text: 'iuaran sebulan brp', topic: 'bpu_contribution' },
  { text: 'penghasilan saya 2 juta iurannya berapa', topic: 'bpu_contribution' },
  { text: 'bayarnya brp per bln', topic: 'bpu_contribution' },
  { text: 'gaji sy 1,5jt bayar brp', topic: 'bpu_contribution' },
  { text: 'mahal gak biayanya', topic: 'bpu_contribution' },
  { text: 'how much do i pay per month', topic: 'bpu_contribution', lang: 'en' },

  // income_declare
  { text: 'penghasilan sy ga tentu gmn ngisinya', topic: 'income_declare' },
  { text: 'pendapatan tiap bln beda2 diisi brp', topic: 'income_declare' },
  { text: 'sy nelayan kadang ga dpt apa2 penghasilannya ga tetap', topic: 'income_declare' },
  { text: 'my income is irregular what should i write', topic: 'income_declare', lang: 'en' },

  // jht_optional
  { text: 'jht wajib ga', topic: 'jht_optional' },
  { text: 'harus ikut jht juga?', topic: 'jht_optional' },
  { text: 'boleh ga ikut jht, jkk jkm aja', topic: 'jht_optional' },
  { text: 'is jht compulsory', topic: 'jht_optional', lang: 'en' },

  // discount
  { text: 'ada diskon iuran ga', topic: 'discount' },
  { text: 'katanya iuran ojol dipotong setengah bener?', topic: 'discount' },
  { text: 'potongan iuran pp 50 gmn', topic: 'discount' },
  { text: 'is there a discount for drivers', topic: 'discount', lang: 'en' },

  // wage_contribution
  { text: 'sy karyawan gaji dipotong brp persen buat bpjs', topic: 'wage_contribution' },
  { text: 'iuran karyawan berapa yg bayar perusahaan', topic: 'wage_contribution' },
  { text: 'di slip gaji ada potongan bpjs tk itu brp', topic: 'wage_contribution' },
  { text: 'how much does my employer pay for my contribution', topic: 'wage_contribution', lang: 'en' },

  // free_contribution
  { text: 'ini gratis ga', topic: 'free_contribution' },
  { text: 'apa iurannya dibayarin pemda', topic: 'free_contribution' },
  { text: 'siapa yg bayar iurannya', topic: 'free_contribution' },
  { text: 'is it free', topic: 'free_contribution', lang: 'en' },

  // pay_how
  { text: 'bayarnya dimana', topic: 'pay_how' },
  { text: 'bisa bayar lewat indomaret ga', topic: 'pay_how' },
  { text: 'cara bayar iuran gmn', topic: 'pay_how' },
  { text: 'where do i pay', topic: 'pay_how', lang: 'en' },

  // inactive
  { text: 'sy telat bayar 3 bln gmn', topic: 'inactive' },
  { text: 'kepesertaan sy udh ga aktif bisa aktif lagi?', topic: 'inactive' },
  { text: 'lupa bayar iuran hangus gak', topic: 'inactive' },
  { text: 'i stopped paying, is my membership inactive', topic: 'inactive', lang: 'en' },

  // who_can_join
  { text: 'siapa aja yg bisa ikut', topic: 'who_can_join' },
  { text: 'syarat jadi peserta apa', topic: 'who_can_join' },
  { text: 'semua org wajib ikut kah', topic: 'who_can_join' },
  { text: 'who can join', topic: 'who_can_join', lang: 'en' },

  // own_account
  { text: 'sy petani bs ikut gak', topic: 'own_account' },
  { text: 'ojol bisa daftar?', topic: 'own_account' },
  { text: 'pedagang sayur di pasar bisa ikut bpjs tk ga', topic: 'own_account' },
  { text: 'sy tukang bangunan serabutan boleh ikut', topic: 'own_account' },
  { text: "i'm a fisherman can i join", topic: 'own_account', lang: 'en' },

  // wage_worker
  { text: 'sy kerja di toko digaji bos daftar sendiri bisa?', topic: 'wage_worker' },
  { text: 'karyawan pabrik daftarnya gmn', topic: 'wage_worker' },
  { text: 'sy pegawai kontrak di pt', topic: 'wage_worker' },
  { text: 'I work for a company, can I sign up here', topic: 'wage_worker', lang: 'en' },

  // employer_report
  { text: 'bos sy ga mau daftarin bpjs', topic: 'employer_report' },
  { text: 'perusahaan ga daftarin karyawan lapor kemana', topic: 'employer_report' },
  { text: 'majikan nggak mendaftarkan sy gmn', topic: 'employer_report' },
  { text: "my employer won't register me", topic: 'employer_report', lang: 'en' },

  // village_roles
  { text: 'sy kader posyandu bisa ikut ga', topic: 'village_roles' },
  { text: 'anggota bpd termasuk yg ditanggung?', topic: 'village_roles' },
  { text: 'kadus bisa daftar bpjs tk gak', topic: 'village_roles' },
  { text: 'sy ketua rt dapet juga?', topic: 'village_roles' },
  { text: 'can village officials join', topic: 'village_roles', lang: 'en' },

  // pekerja_rentan
  { text: 'sy terdaftar dtks bisa dibayarin?', topic: 'pekerja_rentan' },
  { text: 'warga miskin dpt bantuan iuran ga', topic: 'pekerja_rentan' },
  { text: 'sy penerima pkh bisa ikut', topic: 'pekerja_rentan' },
  { text: 'we are a poor family in the social registry', topic: 'pekerja_rentan', lang: 'en' },

  // age_limit
  { text: 'umur sy 67 msh bisa ikut?', topic: 'age_limit' },
  { text: 'batas umur brp', topic: 'age_limit' },
  { text: 'bapak sy udh tua 70 thn bisa daftar ga', topic: 'age_limit' },
  { text: 'is there an age limit', topic: 'age_limit', lang: 'en' },

  // foreigner
  { text: 'wna bisa ikut?', topic: 'foreigner' },
  { text: 'suami sy orang asing bisa daftar', topic: 'foreigner' },
  { text: 'can foreigners join', topic: 'foreigner', lang: 'en' },

  // already_member
  { text: 'sy udh punya kartu bpjs tk dari kantor lama', topic: 'already_member' },
  { text: 'dulu pernah ikut skrg mau daftar lagi', topic: 'already_member' },
  { text: 'I already have a BPJS TK card', topic: 'already_member', lang: 'en' },

  // how_register
  { text: 'gmn cara daftar', topic: 'how_register' },
  { text: 'cara daftarnya gimana kak', topic: 'how_register' },
  { text: 'daftar bpjs tk lewat hp bisa?', topic: 'how_register' },
  { text: 'gmn caranya pendaftran', topic: 'how_register' },
  { text: 'how do i sign up', topic: 'how_register', lang: 'en' },

  // documents
  { text: 'syarat daftar apa aja', topic: 'documents' },
  { text: 'perlu bawa apa aja', topic: 'documents' },
  { text: 'harus ada kk ga', topic: 'documents' },
  { text: 'what documents do i need', topic: 'documents', lang: 'en' },

  // nik
  { text: 'nik itu yg mana', topic: 'nik' },
  { text: 'nik sy ditolak terus', topic: 'nik' },
  { text: 'ktp hilang gmn daftarnya', topic: 'nik' },

  // register_other
  { text: 'bisa daftarin ortu sy?', topic: 'register_other' },
  { text: 'sy kader mau daftarin warga gmn', topic: 'register_other' },
  { text: 'mau daftarin tetangga yg ga punya hp', topic: 'register_other' },
  { text: 'can i register my mother', topic: 'register_other', lang: 'en' },

  // after_register
  { text: 'udh daftar trus gmn', topic: 'after_register' },
  { text: 'brp lama prosesnya', topic: 'after_register' },
  { text: 'kapan jadi peserta nya', topic: 'after_register' },
  { text: 'how long does it take', topic: 'after_register', lang: 'en' },

  // reference_code
  { text: 'kode pendaftaran sy lupa', topic: 'reference_code' },
  { text: 'kode LD itu apa', topic: 'reference_code' },
  { text: 'where do i find my reference code', topic: 'reference_code', lang: 'en' },

  // correct_data
  { text: 'sy salah ketik nama', topic: 'correct_data' },
  { text: 'tgl lahir salah gmn benerinnya', topic: 'correct_data' },
  { text: 'mau ganti no hp', topic: 'correct_data' },
  { text: 'i made a mistake in my details', topic: 'correct_data', lang: 'en' },

  // status_meaning
  { text: 'kenapa pendaftaran sy ditolak', topic: 'status_meaning' },
  { text: 'status perlu perbaikan itu maksudnya apa', topic: 'status_meaning' },
  { text: 'my registration was rejected why', topic: 'status_meaning', lang: 'en' },

  // claim_jkm
  { text: 'suami sy meninggal gmn urus santunannya', topic: 'claim_jkm' },
  { text: 'cara klaim jkm', topic: 'claim_jkm' },
  { text: 'bapak meninggal kemarin dia peserta, ngurusnya dmn', topic: 'claim_jkm' },
  { text: 'my husband died how do i claim', topic: 'claim_jkm', lang: 'en' },

  // claim_jkk
  { text: 'sy habis kecelakaan motor pas antar barang gmn klaimnya', topic: 'claim_jkk' },
  { text: 'lapor kecelakaan kerja kemana', topic: 'claim_jkk' },
  { text: 'kemarin ketabrak pas narik ojek biaya rs gmn', topic: 'claim_jkk' },
  { text: 'how to report an accident at work', topic: 'claim_jkk', lang: 'en' },

  // claim_jht
  { text: 'jht kapan bs cair', topic: 'claim_jht' },
  { text: 'sy udh berhenti kerja jht bisa diambil?', topic: 'claim_jht' },
  { text: 'cara cairkan jht', topic: 'claim_jht' },
  { text: 'when can i withdraw my jht', topic: 'claim_jht', lang: 'en' },

  // regency_programme
  { text: 'program pemkab ini apa', topic: 'regency_programme' },
  { text: 'kuota nya udh penuh blm', topic: 'regency_programme' },
  { text: 'dananya dari apbd ya', topic: 'regency_programme' },

  // dana_desa
  { text: 'iuran perangkat boleh pake dana desa ga', topic: 'dana_desa' },
  { text: 'desa bisa bayarin pake dd?', topic: 'dana_desa' },
  { text: 'can the village fund pay for it', topic: 'dana_desa', lang: 'en' },

  // privacy
  { text: 'hak sy atas data apa aja', topic: 'privacy' },
  { text: 'mau liat data sy yg tersimpan', topic: 'privacy' },
  { text: 'uu pdp', topic: 'privacy' },

  // data_use
  { text: 'data sy aman ga', topic: 'data_use' },
  { text: 'knp harus kasih nik', topic: 'data_use' },
  { text: 'data sy dipake buat apa', topic: 'data_use' },
  { text: 'is my data safe', topic: 'data_use', lang: 'en' },

  // kpj
  { text: 'no kpj sy brp', topic: 'kpj' },
  { text: 'kartu bpjs tk sy ilang', topic: 'kpj' },
  { text: 'KPJ itu apa', topic: 'kpj' },

  // jmo
  { text: 'aplikasi jmo gmn', topic: 'jmo' },
  { text: 'jmo ga bisa login', topic: 'jmo' },
  { text: 'bisa daftar di jmo aja?', topic: 'jmo' },

  // heirs
  { text: 'ahli waris diisi siapa', topic: 'heirs' },
  { text: 'sy blm nikah ahli warisnya siapa', topic: 'heirs' },
  { text: 'who should be my heir', topic: 'heirs', lang: 'en' },

  // kesehatan
  { text: 'bpjs kesehatan sy mati gmn', topic: 'kesehatan' },
  { text: 'ini buat berobat ke puskesmas bisa?', topic: 'kesehatan' },
  { text: 'kartu kis sy hilang', topic: 'kesehatan' },
  { text: 'is this health insurance', topic: 'kesehatan', lang: 'en' },

  // official
  { text: 'ini resmi gak', topic: 'official' },
  { text: 'ini penipuan bukan', topic: 'official' },
  { text: 'kamu bpjs ya', topic: 'official' },
  { text: 'is this official', topic: 'official', lang: 'en' },

  // contact_office
  { text: 'nomor kantor dinas brp', topic: 'contact_office' },
  { text: 'alamat kantornya dmn', topic: 'contact_office' },
  { text: 'mau ngomong sama petugas', topic: 'contact_office' },
  { text: 'office phone number', topic: 'contact_office', lang: 'en' },

  // bot_capabilities
  { text: 'kamu bisa bantu apa aja', topic: 'bot_capabilities' },
  { text: 'fiturnya apa aja', topic: 'bot_capabilities' },
  { text: 'what can you do', topic: 'bot_capabilities', lang: 'en' },

  // null: off-topic, too vague, or noise; the bot must not answer these confidently
  { text: 'harga beras brp skrg', topic: null },
  { text: 'jadwal bola malam ini', topic: null },
  { text: 'pinjam uang dong', topic: null },
  { text: 'cuaca besok gmn', topic: null },
  { text: 'bpjs', topic: null },
  { text: 'info', topic: null },
  { text: 'ok', topic: null },
  { text: 'hmm', topic: null },
  { text: 'tolong', topic: null },
  { text: 'iya', topic: null },
  { text: 'gimana', topic: null },
  { text: 'tanya', topic: null },
  { text: '👍', topic: null },
  { text: '🙏🙏🙏', topic: null },
  { text: 'asdfgh', topic: null },
  { text: 'wkwkwk', topic: null },
  { text: 'p', topic: null },
  { text: '...', topic: null },
  { text: 'lagi apa', topic: null },
  { text: 'kirim pulsa dong 20rb', topic: null },
  { text: 'ada loker di pabrik ga', topic: null },
  { text: 'bansos kapan cair', topic: null },
  { text: 'cara bikin sim', topic: null },
  { text: 'beli gas elpiji dmn', topic: null },
  { text: 'siapa presiden sekarang', topic: null },
  { text: 'resep rendang', topic: null },
  { text: 'jual hp bekas murah', topic: null },
  { text: 'atm terdekat dmn', topic: null },
  { text: "what's the weather tomorrow", topic: null, lang: 'en' },
  { text: 'tell me a joke', topic: null, lang: 'en' },
  // added: programme x aspect, menu-word sentences, off-topic, mid-flow
  // programme x aspect
  { text: 'apa aja yg ditanggung jkm', topic: 'jkm' },
  { text: 'kegunaan jkk apa', topic: 'jkk' },
  { text: 'jp itu program apa, sy bisa ikut?', topic: 'jp' },
  { text: 'jkp dapetnya brp', topic: 'jkp' },
  { text: 'klo nambah jht iurannya naik brp', topic: ['bpu_contribution', 'jht_optional'] },
  { text: 'iuran jkm tetap atau ngikut penghasilan', topic: 'contribution_jkm' },
  { text: 'jkk bayarnya brp sebulan', topic: 'contribution_jkk' },
  { text: 'potongan jkp di gaji ada ga', topic: ['jkp', 'wage_contribution'] },
  { text: 'jp wajib ga buat pedagang', topic: 'jp' },
  { text: 'sy ga punya bos, jkp berlaku ga', topic: 'jkp' },
  { text: 'jkm buat ojek bisa?', topic: ['jkm', 'own_account'] },
  { text: 'ngurus jkk ke rs apa ke kantor bpjs', topic: 'claim_jkk' },
  { text: 'ahli waris ngurus jkm ke mana, bawa surat kematian?', topic: 'claim_jkm' },
  { text: 'jht cairnya brp lama prosesnya', topic: 'claim_jht' },
  { text: 'jp dibayar tiap bulan atau sekaligus', topic: 'jp' },
  { text: 'baru bayar iuran pertama trus kecelakaan, ditanggung?', topic: ['waiting_periods', 'jkk'] },
  { text: 'masa tunggu jkm ada ga', topic: 'waiting_periods' },
  { text: 'pencairan jht 10% itu cuma sekali ya?', topic: 'jht_partial' },
  { text: 'perbedaan jkm dan jht apa', topic: 'compare_programmes' },
  { text: 'yg buat phk sama yg buat hari tua beda kan', topic: 'compare_programmes' },
  { text: 'what is jp', topic: 'jp', lang: 'en' },
  { text: 'how much is jkm per month', topic: 'contribution_jkm', lang: 'en' },
  { text: "what does jkk pay if i can't work", topic: 'jkk', lang: 'en' },

  // sentences that start with a menu word
  { text: 'biaya daftarnya brp', topic: ['bpu_contribution', 'free_contribution'] },
  { text: 'biaya transport ke rs pas kecelakaan kerja diganti ga', topic: 'jkk' },
  { text: 'syarat ngambil jht buat yg udh berhenti jualan', topic: 'claim_jht' },
  { text: 'syarat ahli waris siapa aja', topic: 'heirs' },
  { text: 'pendaftaran untuk kader desa gmn', topic: ['village_roles', 'register_other', 'how_register'] },
  { text: 'pendaftaran sy statusnya ditolak, hrs gmn', topic: 'status_meaning' },
  { text: 'iuran yg bolong2 bisa dirapel?', topic: ['inactive', 'pay_how'] },
  { text: 'iuran dibayar pemkab sampai kapan', topic: ['free_contribution', 'regency_programme'] },
  { text: 'daftar utk adik ipar bisa lewat nomor sy?', topic: 'register_other' },
  { text: 'daftar pake ktp lama yg blm elektronik bisa?', topic: 'nik' },
  { text: 'status menunggu itu lama ga', topic: ['status_meaning', 'after_register'] },
  { text: 'status ku masih nyantol aja dr kemarin', topic: 'check_status' },
  { text: 'data tgl lahir ibu sy kebalik bulan sama tanggalnya', topic: 'correct_data' },
  { text: 'data sy disimpan dimana', topic: ['data_use', 'privacy'] },
  { text: 'bantuan iuran buat buruh tani miskin ada?', topic: ['pekerja_rentan', 'free_contribution'] },
  { text: 'bantuan buat keluarga klo peserta meninggal', topic: 'jkm' },
  { text: 'manfaat paling penting dr bpjs tk apa', topic: ['bpu_benefits', 'what_is_bpjstk'] },
  { text: 'manfaat jp apa', topic: 'jp' },
  { text: 'klaim kecelakaan kerja harus lapor polisi dulu?', topic: 'claim_jkk' },

  // off-topic (not BPJS Ketenagakerjaan)
  { text: 'kartu bpjs kesehatan anak sy blm aktif', topic: ['out_of_scope', 'kesehatan'] },
  { text: 'status kis pbi sy aktif ga', topic: ['out_of_scope', 'kesehatan'] },
  { text: 'bansos sembako masuk ke rekening apa', topic: 'out_of_scope' },
  { text: 'subsidi upah bsu tahun ini ada lagi ga', topic: 'out_of_scope' },
  { text: 'gadai bpkb motor dmn', topic: 'out_of_scope' },
  { text: 'modal usaha umkm dr pemerintah gmn dapetnya', topic: 'out_of_scope' },
  { text: 'pelatihan kerja blk gratis dmn', topic: 'out_of_scope' },
  { text: 'musim hujan mulai bulan apa', topic: 'out_of_scope' },
  { text: 'jadwal motogp minggu ini', topic: 'out_of_scope' },
  { text: 'harga sawit tbs minggu ini brp', topic: 'out_of_scope' },
  { text: 'nyanyiin lagu dong', topic: 'out_of_scope' },
  { text: 'doa naik kendaraan gmn', topic: 'out_of_scope' },
  { text: 'siapa menang pilkada kemarin', topic: 'out_of_scope' },
  { text: 'ada info kerja ke malaysia lewat pt resmi?', topic: 'out_of_scope' },
  { text: 'daftar nikah di kua syaratnya apa', topic: 'out_of_scope' },
  { text: 'syarat bikin paspor', topic: 'out_of_scope' },
  { text: 'is there any free food aid', topic: 'out_of_scope', lang: 'en' },

  // mid-flow: questions typed while the bot waits for an answer
  { text: 'penghasilan suami istri digabung?', topic: 'income_declare', step: 'calculator.income' },
  { text: 'pake penghasilan minggu ini dikali 4 boleh?', topic: 'income_declare', step: 'calculator.income' },
  { text: 'kok jkk nya segini, itungannya gmn', topic: 'contribution_jkk', step: 'calculator.after' },
  { text: 'klo dibayarin desa pake dana desa bisa?', topic: 'dana_desa', step: 'calculator.after' },
  { text: 'sampai kapan potongan iuran berlaku', topic: 'discount', step: 'calculator.after' },
  { text: 'sy anggota bpd, pilih yg mana', topic: 'village_roles', step: 'eligibility.work' },
  { text: 'sy satpam outsourcing, termasuk apa', topic: 'wage_worker', step: 'eligibility.work' },
  { text: 'i drive a truck for a company, which one am i', topic: 'wage_worker', step: 'eligibility.work', lang: 'en' },
  { text: 'batasnya umur brp emang', topic: 'age_limit', step: 'eligibility.age' },
  { text: 'gelar haji perlu ditulis ga', topic: 'documents', step: 'registration.fullName' },
  { text: 'nik nya aman kan ga disebar?', topic: ['privacy', 'data_use'], step: 'registration.nik' },
  { text: 'wna ga punya nik gmn', topic: 'foreigner', step: 'registration.nik' },
  { text: 'apa tuh', topic: null, step: 'registration.birthDate' },
  { text: 'alamat di ktp udh ga sesuai, mesti urus ke dukcapil dulu?', topic: ['nik', 'documents'], step: 'registration.address' },
  { text: 'sy rt tapi jg petani isi yg mana', topic: 'village_roles', step: 'registration.occupation' },
  { text: 'iuran nya dipotong otomatis atau bayar sendiri', topic: ['pay_how', 'free_contribution'], step: 'registration.income' },
  { text: 'ahli waris boleh lebih dr satu?', topic: 'heirs', step: 'registration.heirName' },
  { text: 'anak angkat boleh?', topic: 'heirs', step: 'registration.heirRelation' },
  { text: 'no hp nanti dikirimin sms penipuan ga', topic: ['data_use', 'privacy'], step: 'registration.phone' },

  // too vague
  { text: 'sebentar', topic: null },
  { text: 'nanti aja', topic: null },
  { text: 'eh', topic: null },
];

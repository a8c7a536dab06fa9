// HELD-OUT chat messages for measuring the question reader. Do NOT tune keywords, synonyms or
// thresholds on these: tune on test/faq/labelled.ts and only measure here.
// Written as informal workers, village cadres and officers type on WhatsApp/Telegram (cheap phones,
// slang, typos, regional words, mixed languages), independently of the bot's own vocabulary.
// `topic`: one id or a list of acceptable ids; 'out_of_scope' = clearly not BPJS Ketenagakerjaan;
// null = too vague / noise, must not be answered confidently. `step` = typed mid-conversation.
import type { LabelledMessage } from './labelled-types.js';

export const HELDOUT: LabelledMessage[] = [
  // ───────────────────────── first messages (main menu) ─────────────────────────

  // greeting
  { text: 'sugeng enjing min', topic: 'greeting' },
  { text: 'punten, wilujeng siang', topic: 'greeting' },
  { text: 'assalamualaikum wr wb pak admin', topic: 'greeting' },
  { text: 'haloooo kakk', topic: 'greeting' },
  { text: 'good evening', topic: 'greeting', lang: 'en' },

  // thanks
  { text: 'matur nuwun nggih', topic: 'thanks' },
  { text: 'hatur nuhun pisan kang', topic: 'thanks' },
  { text: 'oke makasih bnyk infonya sangat membantu 🙏', topic: 'thanks' },
  { text: 'terimakasih ki pak', topic: 'thanks' },

  // want_register
  { text: 'mau daftar skrg bisa kah', topic: 'want_register' },
  { text: 'abdi bade daftar bpjs ketenagakerjaan', topic: 'want_register' },
  { text: 'aq pengen ikutan jaminan kecelakaan kerja, daftarin ya', topic: 'want_register' },
  { text: 'gue mau ikut dong bpjs tk nye', topic: 'want_register' },
  { text: 'sign me up please', topic: 'want_register', lang: 'en' },

  // check_status
  { text: 'kemarin udh isi data, gmn kabarnya pendaftaran sy', topic: 'check_status' },
  { text: 'status pendaftaranku udh disetujui blm?', topic: 'check_status' },
  { text: 'piye pendaftaranku wis diproses durung', topic: 'check_status' },
  { text: 'min any update soal pendaftaran sy?', topic: 'check_status' },

  // delete_my_data
  { text: 'tolong hapusin data sy dr sistem kalian', topic: 'delete_my_data' },
  { text: 'gak jadi ikut min, data ktp sy dihapus ya', topic: 'delete_my_data' },
  { text: 'data ulun hapus aja, kada jadi bedaftar', topic: 'delete_my_data' },
  { text: 'I want my personal data removed', topic: 'delete_my_data', lang: 'en' },

  // what_is_bpjstk
  { text: 'bpjs tk tu sebenernya apa ya, beda ama asuransi?', topic: 'what_is_bpjstk' },
  { text: 'jamsostek yg skrg namanya bpjs ketenagakerjaan itu ngurusin apa', topic: 'what_is_bpjstk' },
  { text: 'naon ari bpjs ketenagakerjaan teh', topic: 'what_is_bpjstk' },
  { text: 'buat apa sih ikut2an bpjs ketenagakerjaan, sy kan cuma petani', topic: ['what_is_bpjstk', 'bpu_benefits', 'own_account'] },

  // bpu_benefits
  { text: 'manfaat buat pekerja bukan penerima upah apa aja', topic: 'bpu_benefits' },
  { text: 'sy pedagang kaki lima klo ikut dpt perlindungan apa aja', topic: 'bpu_benefits' },
  { text: 'opo wae sing entuk nek melu bpjs tk', topic: 'bpu_benefits' },
  { text: 'benefit nya apa aja buat freelancer kaya sy', topic: 'bpu_benefits' },

  // jkk
  { text: 'jkk manfaatnya apa aja sih', topic: 'jkk' },
  { text: 'biaya rumah sakit klo kecelakaan pas kerja ditanggung semua?', topic: 'jkk' },
  { text: 'klo celaka di jalan pas berangkat ke sawah ditanggung jg ga', topic: 'jkk' },
  { text: 'tangan kena mesin giling padi sampe ga bisa kerja berbulan2, dpt ganti penghasilan ga selama ga kerja', topic: 'jkk' },
  { text: 'meninggal krn kecelakaan kerja ahli waris dpt brp', topic: ['jkk', 'compare_programmes'] },
  { text: 'pak sy tukang ojek di desa, kemaren temen sy jatuh pas narik, kakinya patah. klo dia ikut bpjs dpt apa aja ya', topic: 'jkk' },
  { text: 'what does jkk cover', topic: 'jkk', lang: 'en' },

  // jkm
  { text: 'jkm itu apa sih', topic: 'jkm' },
  { text: 'klo meninggal biasa bukan krn kerja dpt santunan ga', topic: 'jkm' },
  { text: 'nek aku sedo, bojoku entuk duit piro', topic: 'jkm' },
  { text: 'santunan kematian 42 juta itu bener?', topic: 'jkm' },
  { text: 'what do i get from jkm', topic: 'jkm', lang: 'en' },

  // jkm_scholarship
  { text: 'beasiswa anak peserta yg meninggal brp duit', topic: 'jkm_scholarship' },
  { text: 'anak 2 msh sekolah smp sama sma, klo bapaknya mati dpt beasiswa brp', topic: 'jkm_scholarship' },
  { text: 'bantuan pendidikan anak sampai kuliah ada kah', topic: 'jkm_scholarship' },
  { text: 'anak ketiga dapet beasiswa jg ga?', topic: 'jkm_scholarship' },

  // jht
  { text: 'jht manfaatnya apa', topic: 'jht' },
  { text: 'baa caro jht tu, ambo indak mangarati', topic: 'jht' },
  { text: 'jht tuh sebenernya tabungan ya? cair nya dapet brp', topic: 'jht' },

  // jht_partial
  { text: 'sy mau bangun rumah, 30% saldo hari tua bs dicairin dulu?', topic: 'jht_partial' },
  { text: 'boleh ga cairin sebagian jht pdhl masih kerja', topic: 'jht_partial' },
  { text: 'ambil 10 persen jht harus udh brp taun jadi peserta', topic: ['jht_partial', 'waiting_periods'] },
  { text: 'partial withdrawal of jht, how does it work', topic: 'jht_partial', lang: 'en' },

  // jp
  { text: 'jp buat petani bisa?', topic: 'jp' },
  { text: 'sy ojek pengen dpt pensiun bulanan kaya pns bs ga', topic: 'jp' },
  { text: 'jaminan pensiun itu apa, beda sm jht?', topic: ['jp', 'compare_programmes'] },
  { text: 'klaim jp gmn caranya, umur brp bisa dapet', topic: 'jp' },
  { text: 'can informal workers join the pension programme', topic: 'jp', lang: 'en' },

  // jkp
  { text: 'jkp bayar ga', topic: ['jkp', 'wage_contribution'] },
  { text: 'jaminan kehilangan pekerjaan buat pedagang ada ga', topic: 'jkp' },
  { text: 'klo di phk dpt 60% gaji brp lama', topic: 'jkp' },
  { text: 'abis kena phk dr pabrik sepatu, ada uang dr pemerintah ga', topic: 'jkp' },
  { text: 'jkp tuh apaan, sy ojol dpt jg?', topic: 'jkp' },

  // bpu_contribution
  { text: 'iuran bulanan bpu brp', topic: 'bpu_contribution' },
  { text: 'berape sih bayar per bulannye', topic: 'bpu_contribution' },
  { text: 'klo ikut jkk jkm jht semua jadi brp sebulan', topic: 'bpu_contribution' },
  { text: 'minimal bayar brp sih', topic: 'bpu_contribution' },
  { text: 'monthly fee for informal workers?', topic: 'bpu_contribution', lang: 'en' },

  // contribution_jkk
  { text: 'penghasilan 3jt sebulan, jkk nya bayar brp', topic: 'contribution_jkk' },
  { text: 'jkk 1 persen itu dr apa', topic: 'contribution_jkk' },
  { text: 'fee jkk per month brp ya', topic: 'contribution_jkk' },

  // contribution_jkm
  { text: 'jkm bayarnya 6800 tiap bulan ya?', topic: 'contribution_jkm' },
  { text: 'klo cuma mau jaminan kematian aja iurannya brp', topic: ['contribution_jkm', 'bpu_contribution'] },
  { text: 'jkm premi nya sebulan berapa duit', topic: 'contribution_jkm' },

  // income_declare
  { text: 'pendapatan sy kadang 500rb kadang 3jt ditulis yg mana', topic: 'income_declare' },
  { text: 'penghasilan diisi kotor apa bersih', topic: 'income_declare' },
  { text: 'hasil panen cuma 2x setahun, penghasilan bulanan ngisinya gmn', topic: 'income_declare' },
  { text: 'gw ga punya gaji tetap, isi penghasilan asal aja boleh?', topic: 'income_declare' },
  { text: 'which income figure do i put, before or after costs', topic: 'income_declare', lang: 'en' },

  // jht_optional
  { text: 'jht nya bisa ga usah ikut kah', topic: 'jht_optional' },
  { text: 'wajib kah jht buat bpu', topic: 'jht_optional' },
  { text: 'jht nya di skip dulu boleh? duitnya pas2an', topic: 'jht_optional' },
  { text: 'jht brp iurannya, wajib jg?', topic: ['jht_optional', 'bpu_contribution'] },

  // discount
  { text: 'denger2 supir ojek iurannya cuma 8400, mulai kapan itu', topic: 'discount' },
  { text: 'pp 50 tahun 2025 isinya apa', topic: 'discount' },
  { text: 'ada keringanan iuran buat sopir angkot ga', topic: 'discount' },
  { text: 'diskon 50% iuran berlaku buat petani jg?', topic: 'discount' },
  { text: 'taun 2026 iuran bpu ada potongan setengah harga?', topic: 'discount' },

  // wage_contribution
  { text: 'iuran jp karyawan brp persen', topic: ['wage_contribution', 'jp'] },
  { text: 'karyawan kena potong brp buat jht sama jp', topic: 'wage_contribution' },
  { text: 'perusahaan wajib bayar brp persen jht nya', topic: 'wage_contribution' },
  { text: 'jkk buat karyawan pabrik iurannya brp', topic: ['wage_contribution', 'contribution_jkk'] },

  // free_contribution
  { text: 'bayar sendiri apa dibayarin pemerintah', topic: 'free_contribution' },
  { text: 'iurannya ditanggung kabupaten ga', topic: 'free_contribution' },
  { text: 'sy ga mampu bayar iuran ada yg nanggung ga', topic: ['free_contribution', 'pekerja_rentan'] },
  { text: 'bantuan iuran dr pemda ada kah', topic: 'free_contribution' },
  { text: 'who pays the contribution for me', topic: 'free_contribution', lang: 'en' },

  // pay_how
  { text: 'bayar iuran bisa lewat dana/gopay?', topic: 'pay_how' },
  { text: 'bisa bayar di kantor pos ga', topic: 'pay_how' },
  { text: 'iuran dibayar tiap tgl brp dan lewat mana', topic: 'pay_how' },
  { text: 'ulun handak bayar iuran, di mana kawa', topic: 'pay_how' },

  // inactive
  { text: 'udh 6 bulan ga bayar iuran, masih berlaku ga', topic: 'inactive' },
  { text: 'kepesertaan nonaktif cara aktifin lg gmn', topic: 'inactive' },
  { text: 'membership sy lapse krn ga bayar, gmn dong', topic: 'inactive' },

  // who_can_join
  { text: 'yg dimaksud peserta bpu itu siapa aja', topic: 'who_can_join' },
  { text: 'sing oleh melu sopo wae', topic: 'who_can_join' },

  // own_account
  { text: 'sy nelayan tradisional bs jd peserta ga', topic: 'own_account' },
  { text: 'tukang ojek pangkalan bisa ikut bpjs tk kah', topic: 'own_account' },
  { text: 'ulun bahuma, kawa kah bedaftar', topic: 'own_account' },
  { text: 'saya penjual gorengan keliling bisa ikut kah?', topic: 'own_account' },
  { text: 'I sell food at the market, am I allowed to sign up?', topic: 'own_account', lang: 'en' },

  // wage_worker
  { text: 'sy pegawai toko bangunan, daftarnya sendiri apa dr bos', topic: 'wage_worker' },
  { text: 'karyawan kontrak bisa daftar bpu aja ga', topic: 'wage_worker' },
  { text: 'sy buruh pabrik garmen hrs daftar lewat siapa', topic: 'wage_worker' },
  { text: 'sy kerja di factory, register sendiri or lewat HRD?', topic: 'wage_worker' },

  // employer_report
  { text: 'pabrik tmpt sy kerja ga daftarin bpjs tk, ngadu kemana', topic: 'employer_report' },
  { text: 'bos ora gelem ndaftarke aku bpjs, piye', topic: 'employer_report' },
  { text: 'gaji dipotong buat bpjs tp ternyata ga didaftarin', topic: 'employer_report' },
  { text: 'where can i complain about my boss not registering me', topic: 'employer_report', lang: 'en' },

  // village_roles
  { text: 'sy ketua rw apa masuk program ini', topic: 'village_roles' },
  { text: 'linmas desa bisa ikut ga', topic: 'village_roles' },
  { text: 'anggota lkd termasuk?', topic: 'village_roles' },
  { text: 'pak rt sama pak rw dicover jg ga', topic: 'village_roles' },

  // pekerja_rentan
  { text: 'nama sy ada di data kemiskinan desa, iuran bisa gratis?', topic: ['pekerja_rentan', 'free_contribution'] },
  { text: 'warga kurang mampu apa dapat bpjs tk gratis', topic: ['pekerja_rentan', 'free_contribution'] },
  { text: 'what does vulnerable worker mean', topic: 'pekerja_rentan', lang: 'en' },

  // age_limit
  { text: 'umur 58 msh bs daftar', topic: 'age_limit' },
  { text: 'maksimal usia brp buat ikut', topic: 'age_limit' },
  { text: 'mbah sy 72 taun masih macul, iso melu ra', topic: 'age_limit' },
  { text: 'anak umur 17 udh kerja bisa ikut?', topic: 'age_limit' },

  // foreigner
  { text: 'org asing yg kerja disini bisa daftar?', topic: 'foreigner' },
  { text: 'sy warga malaysia tinggal di kalbar boleh ikut', topic: 'foreigner' },
  { text: 'wna kerja 6 bulan wajib ikut ga', topic: 'foreigner' },
  { text: 'i am not indonesian, can i join', topic: 'foreigner', lang: 'en' },

  // already_member
  { text: 'sy udh punya kpj dr kerjaan dulu, daftar baru ato gmn', topic: ['already_member', 'kpj'] },
  { text: 'dulu pernah jd peserta pas kerja di jakarta, skrg petani', topic: 'already_member' },
  { text: 'udh terdaftar bpjs tk mandiri, perlu daftar lagi lewat sini?', topic: 'already_member' },
  { text: 'sy already member dr dulu, skrg mesti gmn', topic: 'already_member' },

  // how_register
  { text: 'langkah2 daftar bpjs tk mandiri apa aja', topic: 'how_register' },
  { text: 'pendaftaran lewat mana aja', topic: 'how_register' },
  { text: 'kumaha carana daftar', topic: 'how_register' },
  { text: 'daftar harus ke kantor apa bisa online', topic: 'how_register' },
  { text: "what's the process to join", topic: 'how_register', lang: 'en' },

  // documents
  { text: 'syarat dokumen buat jd peserta apa, cukup ktp?', topic: 'documents' },
  { text: 'perlu kk sama pas foto ga', topic: 'documents' },
  { text: 'data apa aja yg dibutuhin buat daftar', topic: 'documents' },
  { text: 'perlu KK asli ga atau fotokopi aja', topic: 'documents' },

  // nik
  { text: 'nik itu nomor ktp kan', topic: 'nik' },
  { text: 'nik sy gak kebaca katanya ga valid', topic: 'nik' },
  { text: 'ktp msh proses di dukcapil, blm pny nik bisa daftar?', topic: 'nik' },
  { text: 'nik ku di ktp beda ama di kk', topic: 'nik' },

  // register_other
  { text: 'bisa daftarin istri sekalian?', topic: 'register_other' },
  { text: 'bisa gak sekali input bbrp org, sy mau bantu ibu2 di rt sy', topic: 'register_other' },
  { text: 'mendaftarkan orang tua yg ga bisa baca hp gmn', topic: 'register_other' },
  { text: 'can i sign up my neighbours', topic: 'register_other', lang: 'en' },

  // after_register
  { text: 'habis daftar di sini trus ngapain lg', topic: 'after_register' },
  { text: 'stlh daftar kapan mulai terlindungi', topic: 'after_register' },
  { text: 'nanti kartunya dikirim ke rumah?', topic: ['after_register', 'kpj'] },
  { text: 'abis register next step nya apa', topic: 'after_register' },

  // reference_code
  { text: 'td dikasih kode LD-xxxx, itu disimpen buat apa', topic: 'reference_code' },
  { text: 'nomor referensi sy ilang gmn', topic: 'reference_code' },
  { text: 'kode pendaftaran yg dikirim td hrs disimpen?', topic: 'reference_code' },

  // correct_data
  { text: 'alamat sy salah tulis, gmn gantinya', topic: 'correct_data' },
  { text: 'data sy ada yg keliru mau dibenerin', topic: 'correct_data' },
  { text: 'salah masukin nama ahli waris', topic: 'correct_data' },
  { text: 'mau update alamat, kmrn salah input', topic: 'correct_data' },

  // status_meaning
  { text: 'dpt pesan status dikembalikan utk dilengkapi, hrs ngapain', topic: 'status_meaning' },
  { text: 'maksudnya status disetujui udh jd peserta?', topic: 'status_meaning' },

  // claim_jkm
  { text: 'bapak mertua meninggal, dia peserta, urus klaimnya bawa apa', topic: 'claim_jkm' },
  { text: 'syarat klaim santunan kematian apa aja', topic: 'claim_jkm' },
  { text: 'istri sy meninggal bulan lalu, gmn nyairin uang jkm nya', topic: 'claim_jkm' },
  { text: 'how does a widow claim the death benefit', topic: 'claim_jkm', lang: 'en' },

  // claim_jkk
  { text: 'kecelakaan di sawah kena cangkul, klaim jkk gmn', topic: 'claim_jkk' },
  { text: 'td jatuh dr motor pas jualan, ke rs mana biar ditanggung', topic: 'claim_jkk' },
  { text: 'lapor kecelakaan kerja paling lambat brp hari', topic: 'claim_jkk' },
  { text: 'syarat klaim jkk apa aj', topic: 'claim_jkk' },

  // claim_jht
  { text: 'ngambil duit jht prosedurnya gmn', topic: 'claim_jht' },
  { text: 'sy resign bln lalu jht bs diambil sekarang?', topic: 'claim_jht' },
  { text: 'pencairan jht syarat nya apa', topic: 'claim_jht' },
  { text: 'how to cash out jht', topic: 'claim_jht', lang: 'en' },

  // regency_programme
  { text: 'program bpjs gratis dr pemkab itu buat siapa aja', topic: 'regency_programme' },
  { text: 'kuota pemkab tahun ini brp orang', topic: 'regency_programme' },
  { text: 'di kabupaten sini ada program bpjs tk buat pekerja rentan?', topic: ['regency_programme', 'pekerja_rentan'] },
  { text: 'pemkab nanggung program apa aja, jkk jkm doang?', topic: ['regency_programme', 'free_contribution'] },

  // dana_desa
  { text: 'kades bilang iuran bpjs kader mau diambil dr dd, emang dibolehin?', topic: 'dana_desa' },
  { text: 'dd bisa dipake bayar bpjs tk perangkat?', topic: 'dana_desa' },
  { text: 'add apa dd yg boleh buat iuran bpjs perangkat desa', topic: 'dana_desa' },

  // privacy
  { text: 'sy mau tau data apa aja yg kalian simpan ttg sy', topic: 'privacy' },
  { text: 'hak sy klo data bocor gmn', topic: 'privacy' },
  { text: 'data pribadi sy disimpen brp lama', topic: ['privacy', 'data_use'] },
  { text: 'what are my rights over my data', topic: 'privacy', lang: 'en' },

  // data_use
  { text: 'nik sy buat apa sih', topic: ['data_use', 'nik'] },
  { text: 'datanya dikasih ke siapa aja', topic: 'data_use' },
  { text: 'jangan2 data sy dijual ke pinjol', topic: ['data_use', 'privacy'] },
  { text: 'data sy di share ke pihak lain ga', topic: 'data_use' },

  // kpj
  { text: 'kpj tu singkatan dr apa, yg ada di kartu ya?', topic: 'kpj' },
  { text: 'kartu peserta kebakar bareng rumah, bs cetak ulang?', topic: 'kpj' },
  { text: 'kpj sy lupa nomornya', topic: 'kpj' },
  { text: 'where is my membership number', topic: 'kpj', lang: 'en' },

  // jmo
  { text: 'jmo itu aplikasi apa', topic: 'jmo' },
  { text: 'mending daftar sendiri di aplikasi jmo atau di sini', topic: ['jmo', 'how_register'] },
  { text: 'aplikasi jamsostek mobile minta verifikasi wajah gagal terus', topic: 'jmo' },

  // heirs
  { text: 'yg dpt duit klo sy meninggal siapa, istri apa anak', topic: ['heirs', 'jkm'] },
  { text: 'sy blm kawin, ahli waris nya ortu bisa?', topic: 'heirs' },

  // kesehatan
  { text: 'klo sakit demam biasa bisa dipake ga kartunya', topic: 'kesehatan' },
  { text: 'sy udh punya kis, perlu ikut ini jg?', topic: 'kesehatan' },

  // official
  { text: 'jgn2 ini penipuan minta2 nik', topic: 'official' },
  { text: 'bot ini punya siapa', topic: 'official' },

  // contact_office
  { text: 'kantor disnaker dmn alamatnya', topic: 'contact_office' },
  { text: 'mau tanya langsung ke petugas, nomornya brp', topic: 'contact_office' },
  { text: 'bisa telpon cs nya?', topic: 'contact_office' },

  // bot_capabilities
  { text: 'layanan di sini apa aja ya', topic: 'bot_capabilities' },
  { text: 'bot ini buat apa', topic: 'bot_capabilities' },

  // compare_programmes
  { text: 'jht sama jp beda ya?', topic: 'compare_programmes' },
  { text: 'jkk vs jkm lebih penting mana', topic: 'compare_programmes' },
  { text: 'what is the difference between jht and jp', topic: 'compare_programmes', lang: 'en' },

  // waiting_periods
  { text: 'baru ikut sebulan klo meninggal dpt ga', topic: 'waiting_periods' },
  { text: 'brp lama jadi peserta baru bisa klaim', topic: 'waiting_periods' },
  { text: 'beasiswa anak hrs ikut brp tahun dulu', topic: ['waiting_periods', 'jkm_scholarship'] },
  { text: 'pensiun minimal iur brp tahun', topic: ['waiting_periods', 'jp'] },
  { text: 'ada waiting period ga sebelum bisa klaim', topic: 'waiting_periods' },

  // ───────────────────── mid-flow: questions typed while the bot waits for an answer ─────────────────────

  // calculator.income
  { text: 'tiap bulan beda2 dapetnya, boleh ditulis rata2 aja?', topic: 'income_declare', step: 'calculator.income' },
  { text: 'pas musim paceklik ga ada pemasukan sama sekali, tulis brp', topic: 'income_declare', step: 'calculator.income' },
  { text: 'yg diisi omzet dagangan apa untungnya', topic: 'income_declare', step: 'calculator.income' },
  { text: 'jkk nya itu brp persen dr angka ini', topic: 'contribution_jkk', step: 'calculator.income' },

  // calculator.after
  { text: 'klo pemkab yg bayar sy nol dong?', topic: 'free_contribution', step: 'calculator.after' },
  { text: 'trus bayarnya lewat apa', topic: 'pay_how', step: 'calculator.after' },
  { text: 'klo sekalian jht jadi brp totalnya', topic: ['bpu_contribution', 'jht_optional'], step: 'calculator.after' },
  { text: 'sy ojol dpt potongan ga', topic: 'discount', step: 'calculator.after' },
  { text: 'yg 6800 itu buat apa', topic: 'contribution_jkm', step: 'calculator.after' },
  { text: 'oke, trus daftarnya lewat siapa', topic: ['how_register', 'want_register'], step: 'calculator.after' },
  { text: 'klo telat bayar sebulan gmn', topic: 'inactive', step: 'calculator.after' },

  // eligibility.work
  { text: 'sy buruh tani harian, itu masuk yg mana', topic: 'own_account', step: 'eligibility.work' },
  { text: 'kerja di bengkel orang digaji mingguan termasuk apa', topic: 'wage_worker', step: 'eligibility.work' },
  { text: 'sy kader kb desa, kerjaan sy dihitung apa', topic: 'village_roles', step: 'eligibility.work' },
  { text: 'pekerja rentan itu yg gmn', topic: 'pekerja_rentan', step: 'eligibility.work' },
  { text: 'ibu rumah tangga jualan online dr rumah masuk ga', topic: 'own_account', step: 'eligibility.work' },

  // eligibility.age
  { text: 'klo udh lewat 60 masih boleh?', topic: 'age_limit', step: 'eligibility.age' },
  { text: 'anak sy 16 taun udh bantu melaut bisa didaftarin?', topic: ['age_limit', 'register_other'], step: 'eligibility.age' },

  // registration.fullName
  { text: 'ini sy isi nama ibu sy apa nama sy, sy yg daftarin', topic: 'register_other', step: 'registration.fullName' },
  { text: 'aman ga ngasih nama lengkap disini', topic: ['privacy', 'data_use', 'official'], step: 'registration.fullName' },

  // registration.nik
  { text: 'nik itu yg 16 angka di ktp kan?', topic: 'nik', step: 'registration.nik' },
  { text: 'ktp sy ketinggalan di rumah, nik nya ga hafal', topic: 'nik', step: 'registration.nik' },
  { text: 'kok harus nik segala, buat apa?', topic: ['data_use', 'privacy'], step: 'registration.nik' },
  { text: 'nik di ktp lama sama yg baru beda, pake yg mana', topic: 'nik', step: 'registration.nik' },

  // registration.birthDate
  { text: 'tgl lahir di ktp beda sm akta, isi yg mana', topic: ['nik', 'documents'], step: 'registration.birthDate' },

  // registration.address
  { text: 'alamat sesuai ktp apa tempat tinggal sekarang?', topic: 'documents', step: 'registration.address' },
  { text: 'sy tinggal di desa sebelah tp ktp sini, bisa ikut program kabupaten ini?', topic: 'regency_programme', step: 'registration.address' },

  // registration.occupation
  { text: 'sy serabutan kadang kuli kadang ngojek, nulisnya apa', topic: 'own_account', step: 'registration.occupation' },
  { text: 'perangkat desa iurannya dibayarin ga', topic: ['village_roles', 'free_contribution'], step: 'registration.occupation' },

  // registration.income
  { text: 'klo sy tulis 1 juta iurannya jadi brp', topic: 'bpu_contribution', step: 'registration.income' },
  { text: 'klo ditulis kecil nanti santunannya kecil ya?', topic: ['income_declare', 'jkk'], step: 'registration.income' },
  { text: 'harus sama kaya penghasilan asli ga', topic: 'income_declare', step: 'registration.income' },

  // registration.heirName
  { text: 'suami udh ga ada, ahli waris sy anak yg msh kecil2 bisa?', topic: 'heirs', step: 'registration.heirName' },
  { text: 'who can i put as my heir', topic: 'heirs', step: 'registration.heirName', lang: 'en' },

  // registration.heirRelation
  { text: 'keponakan boleh jd ahli waris ga', topic: 'heirs', step: 'registration.heirRelation' },

  // registration.phone
  { text: 'no hp ini buat apa, nanti ditelpon siapa', topic: ['data_use', 'after_register'], step: 'registration.phone' },
  { text: 'sy ga punya hp, pake no anak boleh?', topic: ['register_other', 'documents'], step: 'registration.phone' },

  // ───────────────────── out of scope: clear questions about other things ─────────────────────
  { text: 'cara klaim bpjs kesehatan buat operasi caesar', topic: ['out_of_scope', 'kesehatan'] },
  { text: 'faskes bpjs kesehatan sy mau pindah ke puskesmas lain', topic: ['out_of_scope', 'kesehatan'] },
  { text: 'tunggakan bpjs kesehatan sy 2 juta bisa dicicil?', topic: ['out_of_scope', 'kesehatan'] },
  { text: 'rs nolak pasien bpjs kesehatan lapor kemana', topic: ['out_of_scope', 'kesehatan'] },
  { text: 'bpjs kesehatan sy dinonaktifin pemda knp ya', topic: ['out_of_scope', 'kesehatan'] },
  { text: 'bantuan pkh tahap 3 kapan cair', topic: 'out_of_scope' },
  { text: 'blt dd bulan ini udh cair blm', topic: 'out_of_scope' },
  { text: 'cara daftar bansos beras 10 kg', topic: 'out_of_scope' },
  { text: 'status bansos sy gmn ceknya', topic: 'out_of_scope' },
  { text: 'bansos yatim piatu gmn daftarnya', topic: 'out_of_scope' },
  { text: 'syarat kur bri apa aja', topic: 'out_of_scope' },
  { text: 'mau pinjem modal buat buka warung bisa?', topic: 'out_of_scope' },
  { text: 'pinjaman pake jaminan kartu bpjs tk ada ga', topic: 'out_of_scope' },
  { text: 'daftar prakerja gelombang berikutnya kapan', topic: 'out_of_scope' },
  { text: 'manfaat kartu prakerja apa aja', topic: 'out_of_scope' },
  { text: 'cuaca di laut besok aman ga buat melaut', topic: 'out_of_scope' },
  { text: 'harga gabah kering skrg brp sekilo', topic: 'out_of_scope' },
  { text: 'pupuk subsidi naik ya harganya', topic: 'out_of_scope' },
  { text: 'kartu tani sy ga bisa dipake nebus pupuk', topic: 'out_of_scope' },
  { text: 'ceritain lelucon dong biar ga bete', topic: 'out_of_scope' },
  { text: 'niat puasa senin kamis gmn bacaannya', topic: 'out_of_scope' },
  { text: 'pilih caleg siapa bagusnya', topic: 'out_of_scope' },
  { text: 'lowongan sopir truk ada ga', topic: 'out_of_scope' },
  { text: 'loker pabrik di cikarang masih buka?', topic: 'out_of_scope' },
  { text: 'pendaftaran cpns kapan dibuka', topic: 'out_of_scope' },
  { text: 'biaya perpanjang stnk brp', topic: 'out_of_scope' },
  { text: 'token listrik beli dmn yg murah', topic: 'out_of_scope' },
  { text: 'kamu cewe apa cowo', topic: 'out_of_scope' },
  { text: 'kapan gaji 13 pns cair', topic: 'out_of_scope' },
  { text: 'cara urus sertifikat tanah warisan', topic: 'out_of_scope' },
  { text: 'bantuan bedah rumah rtlh syaratnya apa', topic: 'out_of_scope' },
  { text: 'obat batuk anak yg ampuh apa', topic: 'out_of_scope' },
  { text: 'asuransi motor yg murah apa', topic: 'out_of_scope' },
  { text: 'data dtks sy cek dmn', topic: ['out_of_scope', 'pekerja_rentan'] },
  { text: 'tilang elektronik ceknya dmn', topic: 'out_of_scope' },
  { text: 'berape harga cabe rawit di pasar sekarang', topic: 'out_of_scope' },
  { text: 'cara ternak lele bioflok gmn', topic: 'out_of_scope' },
  { text: 'harga emas antam hari ini', topic: 'out_of_scope' },
  { text: 'jam brp buka puasa hari ini di banjarmasin', topic: 'out_of_scope' },
  { text: 'jadwal kapa ka mentawai dima ambo caliak', topic: 'out_of_scope' },
  { text: 'kada tahu lah, kaya apa cara mambuat sim', topic: 'out_of_scope' },
  { text: "what's the dollar exchange rate today", topic: 'out_of_scope', lang: 'en' },
  { text: 'who won the match last night', topic: 'out_of_scope', lang: 'en' },
  { text: 'can you help me find a job', topic: 'out_of_scope', lang: 'en' },

  // ───────────────────── null: too vague or noise ─────────────────────
  { text: 'hmmm', topic: null },
  { text: 'tolong bantu saya', topic: null },
  { text: 'jd gmn nih', topic: null },
  { text: 'kjsdhf', topic: null },
  { text: 'yaudah', topic: null },
  { text: 'soal bpjs', topic: null },
  { text: 'yang itu lho', topic: null },
];

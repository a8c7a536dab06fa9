// Development question set 15: first messages written fresh (not copied from other sets), in the
// way informal workers and village cadres type on WhatsApp, plus out-of-scope, vague (null) and
// mid-flow messages.
import type { ConversationStep, LabelledMessage } from './labelled-types.js';

type Topic = LabelledMessage['topic'];
const m = (text: string, topic: Topic): LabelledMessage => ({ text, topic });
const en = (text: string, topic: Topic): LabelledMessage => ({ text, topic, lang: 'en' });
const at = (step: ConversationStep, text: string, topic: Topic): LabelledMessage => ({ text, topic, step });

export const DEV15: LabelledMessage[] = [
  // greeting
  m('assalamualaikum wr wb', 'greeting'),
  en('hi there', 'greeting'),

  // thanks
  m('oke siap trimakasih infonya 🙏🙏', 'thanks'),
  en('thanks a lot, that helps', 'thanks'),

  // want_register
  m('mau daftar bpjs tk', 'want_register'),
  m('sy mau ikut yg 16rb sebulan itu', 'want_register'),

  // check_status
  m('pendaftaran sy kemarin udh diproses blm ya', 'check_status'),
  m('minggu lalu sy daftar lwt sini kok blm ada kabar', 'check_status'),
  en('did my registration go through?', 'check_status'),

  // delete_my_data
  m('sy mau data sy dihapus dr sistem kalian', 'delete_my_data'),
  m('tolong data ibu sy yg kmrn didaftarin dihapus, beliau ga mau', 'delete_my_data'),
  en('please delete all my data', 'delete_my_data'),

  // what_is_bpjstk
  m('opo to bpjs tk iku?', 'what_is_bpjstk'),
  m('bpjs tk itu buat apa ya? sy taunya bpjs yg buat berobat doang', ['what_is_bpjstk', 'kesehatan']),
  en('what is BPJS Ketenagakerjaan exactly?', 'what_is_bpjstk'),

  // bpu_benefits
  m('sy pedagang sayur, klo ikut bpjs tk untungnya apa buat sy', 'bpu_benefits'),
  m('yg bayar 16.800 itu manfaatnya apa aja', 'bpu_benefits'),
  en('what do I get as a self-employed member?', 'bpu_benefits'),

  // jkk
  m('sy petani di desa, suami kemarin jatuh dari pohon kelapa pas manen, kakinya patah. dia udh ikut bpjs tk yg dibayarin desa. biaya rs nya ditanggung ga ya', ['jkk', 'claim_jkk']),
  m('kecelakaan di jalan pas berangkat ke sawah termasuk kecelakaan kerja ga?', 'jkk'),
  m('selama ga bs narik krn kecelakaan, penghasilan diganti ga?', 'jkk'),

  // jkm
  m('klo meninggal biasa bukan krn kerja dpt santunan jg ga', 'jkm'),
  m('bapak sy meninggal sakit jantung, beliau ikut bpjs tk, keluarga dapetnya brp ya', ['jkm', 'claim_jkm']),
  en('how much does the family get if a member dies?', 'jkm'),

  // jkm_scholarship
  m('anak sy 3, bs dpt beasiswa semua ga?', 'jkm_scholarship'),
  m('katanya klo ortu meninggal anaknya dpt biaya sekolah smp kuliah ya, bener?', 'jkm_scholarship'),

  // jht
  m('kapan jht bisa cair', ['jht', 'claim_jht']),
  m('jht tu kaya tabungan gitu kah? duitnya bs diambil kapan aja?', 'jht'),
  en('what is JHT?', 'jht'),

  // jht_partial
  m('mau ambil 30% jht buat benerin rumah bs?', 'jht_partial'),
  m('ambil 10 persen jht syaratnya apa', 'jht_partial'),

  // jp
  m('jaminan pensiun bs ikut ga? sy kan ojek pangkalan', 'jp'),
  m('pensiun bpjs tk dpt brp per bulan', 'jp'),
  en('can I join the pension programme as a freelancer?', 'jp'),

  // jkp
  m('jkp itu apa', 'jkp'),
  m('kena phk dpt jkp brp', 'jkp'),
  m('baru di phk bulan lalu dr pabrik, bs klaim uang jkp ga?', 'jkp'),

  // bpu_contribution
  m('sabaraha iuranna per bulan kang', 'bpu_contribution'),
  m('tabe, berapa ji bayarnya tiap bulan klo ambil jkk jkm jht semua?', 'bpu_contribution'),
  en('how much is the monthly fee for informal workers?', 'bpu_contribution'),

  // income_declare
  m('sy nelayan penghasilan ga tentu, kadang musim kadang paceklik, tulis brp?', 'income_declare'),
  m('klo penghasilan ditulis tinggi iurannya naik ya?', ['income_declare', 'bpu_contribution']),

  // jht_optional
  m('jht wajib ga?', 'jht_optional'),
  m('boleh ga ikut jkk jkm aja, jht nya ngga', 'jht_optional'),
  m('harus ambil jht jg kah atau bs nyusul', 'jht_optional'),

  // discount
  m('diskon iuran buat ojol bener ga', 'discount'),
  m('pp 50 2025 itu isinya apa', 'discount'),
  en('is there a discount on contributions in 2026?', 'discount'),

  // wage_contribution
  m('sy karyawan, potongan bpjs tk di gaji brp persen', 'wage_contribution'),
  m('iuran jht karyawan yg ditanggung perusahaan brp persen', 'wage_contribution'),
  m('perusahaan bayar brp utk bpjs tk pekerjanya', 'wage_contribution'),

  // free_contribution
  m('katanya gratis ya dr pemda', 'free_contribution'),
  m('apa bener ada bpjs tk gratis utk petani?', ['free_contribution', 'regency_programme']),
  en('Does the government pay my contribution?', 'free_contribution'),

  // pay_how
  m('bayarnya lewat mana', 'pay_how'),
  m('bs bayar di indomaret ga', 'pay_how'),
  m('gimane cara bayarnye, aye kagak punya rekening bank', 'pay_how'),

  // inactive
  m('sy udh 3 bln ga bayar, masih aktif ga?', 'inactive'),
  m('klo nunggak trs kecelakaan masih ditanggung?', 'inactive'),
  en('I stopped paying last year, is my membership still active?', 'inactive'),

  // who_can_join
  m('siapa aja yg bs ikut', 'who_can_join'),
  m('ibu rumah tangga bs ikut bpjs tk?', 'who_can_join'),

  // own_account
  m('nelayan bisa daftar bpjs tk ga', 'own_account'),
  m('aye tukang ojek pangkalan, bisa ikutan kagak?', 'own_account'),
  m('ulun bejualan di pasar, kawa kah umpat?', 'own_account'),

  // wage_worker
  m('sy karyawan toko, daftarnya sendiri atau lewat bos?', 'wage_worker'),
  m('sy kerja di pabrik, bs daftar sendiri lewat sini?', 'wage_worker'),
  en("I work for a company, can I register myself here?", 'wage_worker'),

  // employer_report
  m('bos sy ga mau daftarin bpjs tk, lapor kemana', 'employer_report'),
  m('gaji dipotong buat bpjs tp ternyata sy ga didaftarin 😡', 'employer_report'),

  // village_roles
  m('perangkat desa dpt bpjs tk ga', 'village_roles'),
  m('anggota bpd ditanggung jg?', 'village_roles'),
  m('RT RW dapet bpjs tk gratis ga', ['village_roles', 'free_contribution']),

  // pekerja_rentan
  m('pekerja rentan itu siapa aja', 'pekerja_rentan'),
  m('sy ga masuk dtks, bs dpt yg gratis ga?', ['pekerja_rentan', 'free_contribution']),
  m('pekerja rentan hrs terdaftar di data sosial ya?', 'pekerja_rentan'),

  // age_limit
  m('umur 60 masih bs daftar?', 'age_limit'),
  m('bapak sy udh 70 thn masih ke kebun tiap hari, bs ikut ga', 'age_limit'),

  // foreigner
  m('suami sy warga malaysia kerja di sini, wajib ikut jg?', 'foreigner'),
  en('I am a foreigner working in Bali, can I join?', 'foreigner'),

  // already_member
  m('sy udh punya kartu bpjs tk dr kantor lama, perlu daftar lg?', 'already_member'),
  m('udh terdaftar lewat jmo, hrs daftar disini jg?', 'already_member'),
  m('dulu pernah ikut wkt kerja di pt, skrg mau lanjut mandiri gmn', 'already_member'),

  // how_register
  m('gmn cara daftar', 'how_register'),
  m('kulo tani, pripun carane daftar?', 'how_register'),
  m('ambo pedagang di pasa, baa caro mandaftar?', 'how_register'),
  en('how do I sign up?', 'how_register'),

  // documents
  m('syarat daftar apa aja', 'documents'),
  m('bawa apa aja klo mau daftar', 'documents'),
  en('what documents do I need?', 'documents'),

  // nik
  m('nik sy ga valid katanya, knp ya', 'nik'),
  m('nik sy dr kalsel tp skrg tinggal di kalteng, masalah ga?', 'nik'),

  // register_other
  m('sy kader mau daftarin 10 warga sekaligus bs?', 'register_other'),
  m('bs daftarin ibu sy ga, dia ga punya hp', 'register_other'),
  en('can I register my neighbour for him?', 'register_other'),

  // after_register
  m('abis daftar trs ngapain', 'after_register'),
  m('udh daftar, kapan aktifnya', 'after_register'),

  // reference_code
  m('kode pendaftaran sy ilang', 'reference_code'),
  m('kode referensi itu buat apa', 'reference_code'),
  m('kode daftar yg dikasih kemarin itu hrs disimpen?', 'reference_code'),

  // correct_data
  m('nama sy salah ketik pas daftar, bs diganti?', 'correct_data'),
  m('tgl lahir salah input gmn benerinnya', 'correct_data'),

  // status_meaning
  m('status sy "menunggu verifikasi" itu artinya apa', 'status_meaning'),
  m('kok statusnya ditolak', 'status_meaning'),
  m('status diverifikasi artinya udh aktif?', 'status_meaning'),

  // claim_jkm
  m('cara klaim jkm gmn', 'claim_jkm'),
  m('suami meninggal minggu lalu, mau urus santunan kematian syaratnya apa aja', 'claim_jkm'),
  m('kodong suamiku meninggal, bagaimana mi urus klaimnya di bpjs tk', 'claim_jkm'),

  // claim_jkk
  m('klaim kecelakaan kerja gmn caranya', 'claim_jkk'),
  m('abis kecelakaan motor pas narik, berobatnya hrs ke rs mana biar ditanggung?', 'claim_jkk'),
  m('bojoku kecelakan neng sawah, ngurus klaime piye?', 'claim_jkk'),

  // claim_jht
  m('klaim jht bs online?', 'claim_jht'),
  m('sy resign bln lalu, jht bs diambil kapan', ['claim_jht', 'waiting_periods']),
  en('how do I withdraw my JHT?', 'claim_jht'),

  // regency_programme
  m('program pemkab banjar utk pekerja rentan masih buka ga?', 'regency_programme'),
  m('kuota bpjs tk gratis dr kabupaten brp orang', 'regency_programme'),

  // dana_desa
  m('iuran bpjs tk perangkat desa boleh dr dana desa?', 'dana_desa'),
  m('bs dibayar pake ADD ga', 'dana_desa'),
  m('pak kades nanya apa boleh pakai DD utk bayar bpjs tk warga miskin', 'dana_desa'),

  // privacy
  m('sy mau liat data apa aja yg disimpan ttg sy', 'privacy'),
  m('sy mau tarik persetujuan yg kmrn', 'privacy'),
  en('who can see my personal data?', 'privacy'),

  // data_use
  m('data sy dipake buat apa', 'data_use'),
  m('data sy dikasih ke siapa aja', ['data_use', 'privacy']),

  // kpj
  m('kartu bpjs tk sy ilang', 'kpj'),
  m('kapan dpt kartu bpjs tk nya', ['kpj', 'after_register']),

  // jmo
  m('bs cek saldo jht di jmo?', 'jmo'),
  m('hp sy kentang ga bs install jmo, gmn', 'jmo'),

  // heirs
  m('sy janda, anak 2, siapa ahli waris sy', 'heirs'),
  m('ahli waris bs diganti ga klo nanti nikah lg', 'heirs'),

  // kesehatan
  m('ini bpjs kesehatan bukan?', 'kesehatan'),
  m('bedanya bpjs tk sm bpjs kesehatan apa', 'kesehatan'),
  m('sy udh punya KIS, perlu ikut bpjs tk jg?', 'kesehatan'),

  // official
  m('ini bukan penipuan kan 🙄', 'official'),
  m('lindung ini punya siapa sih', 'official'),
  en('is this an official BPJS account?', 'official'),

  // contact_office
  m('kantor disnaker kabupaten dmn ya', 'contact_office'),
  m('bs ngomong sm petugas langsung?', 'contact_office'),

  // bot_capabilities
  m('lindung bisa bantu apa', 'bot_capabilities'),
  en('what can you do?', 'bot_capabilities'),

  // contribution_jkk
  m('iuran jkk brp', 'contribution_jkk'),
  m('jkk 1% itu dr apa', 'contribution_jkk'),

  // contribution_jkm
  m('jkm 6800 itu per bulan?', 'contribution_jkm'),
  m('bara iuran jkm sabulan?', 'contribution_jkm'),

  // compare_programmes
  m('jkk jkm jht jp jkp apa bedanya', 'compare_programmes'),
  m('mending ambil yg mana ya, bingung banyak singkatan', 'compare_programmes'),
  en('difference between JKK and JKM?', 'compare_programmes'),

  // waiting_periods
  m('hrs bayar brp thn biar anak dpt beasiswa', ['waiting_periods', 'jkm_scholarship']),
  m('minimal brp thn iuran utk bs ambil jht sebagian', ['waiting_periods', 'jht_partial']),
  m('ada masa tunggunya ga', 'waiting_periods'),

  // out_of_scope
  m('pinjaman dari bpjs tk bisa?', 'out_of_scope'),
  m('klaim bpjs kesehatan rawat inap gmn', 'out_of_scope'),
  m('faskes bpjs kesehatan sy mau pindah puskesmas caranya', 'out_of_scope'),
  m('bansos pkh bulan ini kapan cair', 'out_of_scope'),
  m('blt dana desa sy blm dpt, lapor kemana', 'out_of_scope'),
  m('syarat KUR bri utk petani apa aja', 'out_of_scope'),
  m('pinjol yg aman apa ya min', 'out_of_scope'),
  m('daftar kartu prakerja gelombang baru kapan', 'out_of_scope'),
  m('besok hujan ga di banjarmasin', 'out_of_scope'),
  m('persib menang ga tadi malem', 'out_of_scope'),
  m('jadwal imsak hari ini jam brp', 'out_of_scope'),
  m('jual bibit sawit unggul harga murah, minat pm 🌴', 'out_of_scope'),
  m('minta nomor wa pak camat dong', 'out_of_scope'),
  m('pilkada nanti pilih siapa bagusnya', 'out_of_scope'),
  m('harga gabah skrg brp per kg', 'out_of_scope'),
  m('cara bikin ktp baru di dukcapil', 'out_of_scope'),
  m('tolong bikinin surat lamaran kerja', 'out_of_scope'),
  m('pinjam modal usaha dr bpjs tk ada ga', 'out_of_scope'),
  en('what is the weather tomorrow?', 'out_of_scope'),
  en('can you lend me some money?', 'out_of_scope'),

  // null (too vague)
  m('bpjs', null),
  m('hmm', null),
  m('gimana ya', null),
  m('ok', null),
  m('tanya dong', null),
  m('🤔', null),
  m('p', null),
  m('??', null),
  m('itu gmn', null),
  m('trs', null),
  m('oh gitu', null),
  m('min', null),

  // mid-flow: calculator.income
  at('calculator.income', 'penghasilan sy ga tentu, kadang panen kadang ngga', 'income_declare'),
  at('calculator.income', 'itu yg ditanya gaji kotor atau bersih?', 'income_declare'),
  at('calculator.income', 'klo pemkab yg bayar sy tetap hrs isi ini?', 'free_contribution'),
  at('calculator.income', 'ada potongan ga skrg? katanya lg ada diskon', 'discount'),

  // mid-flow: calculator.after
  at('calculator.after', 'bayarnya dmn?', 'pay_how'),
  at('calculator.after', 'jht nya wajib ga', 'jht_optional'),
  at('calculator.after', 'klo telat bayar gmn', 'inactive'),
  at('calculator.after', 'yg 16.800 itu sdh dpt perlindungan apa aja', 'bpu_benefits'),

  // mid-flow: eligibility.work
  at('eligibility.work', 'sy ojol, termasuk ga?', 'own_account'),
  at('eligibility.work', 'sy kerja di pabrik tp blm didaftarin sm perusahaan', 'employer_report'),
  at('eligibility.work', 'sy ketua RT, dibayarin ga?', ['village_roles', 'free_contribution']),
  at('eligibility.work', 'istri sy cuma ibu rumah tangga bs ikut?', 'who_can_join'),

  // mid-flow: eligibility.age
  at('eligibility.age', 'umur 67 masih bisa?', 'age_limit'),
  at('eligibility.age', 'sy WNA dr filipina kerja disini, bs?', 'foreigner'),
  at('eligibility.age', 'umur sy 55, jht nya nanti bs cair kapan', ['jht', 'claim_jht']),

  // mid-flow: registration.fullName
  at('registration.fullName', 'sy daftarin ibu sy, yg ditulis nama ibu atau nama sy?', 'register_other'),
  at('registration.fullName', 'ini resmi dr bpjs kan?', 'official'),
  at('registration.fullName', 'data ini aman ga', 'privacy'),

  // mid-flow: registration.nik
  at('registration.nik', 'nik itu yg mana sih', 'nik'),
  at('registration.nik', 'nik sy buat apa?', 'data_use'),
  at('registration.nik', 'kenapa nik nya ditolak padahal udh sesuai ktp', 'nik'),
  at('registration.nik', 'nik sy ga bakal disebar kan?', 'privacy'),
  at('registration.nik', 'ktp sy ilang, pake apa ya', ['documents', 'nik']),

  // mid-flow: registration.birthDate
  at('registration.birthDate', 'knp tgl lahir ditanya lg, kan udh ada di nik', 'nik'),
  at('registration.birthDate', 'tgl lahir di ktp sy salah, beda sm aslinya', ['correct_data', 'nik']),

  // mid-flow: registration.address
  at('registration.address', 'alamat buat apa sih', 'data_use'),
  at('registration.address', 'sy tinggal di kabupaten lain dr ktp, tetap dibayarin pemkab sini?', ['regency_programme', 'free_contribution']),

  // mid-flow: registration.occupation
  at('registration.occupation', 'sy serabutan, kadang kuli kadang tani, msk yg mana', 'own_account'),
  at('registration.occupation', 'kader posyandu itu termasuk yg ditanggung ga', 'village_roles'),

  // mid-flow: registration.income
  at('registration.income', 'hrs jujur ga penghasilannya? takut iurannya mahal', 'income_declare'),
  at('registration.income', 'klo nanti penghasilan naik bs diubah?', ['income_declare', 'correct_data']),

  // mid-flow: registration.heirName
  at('registration.heirName', 'ahli waris itu harus keluarga ya?', 'heirs'),
  at('registration.heirName', 'sy blm nikah, siapa ahli warisnya', 'heirs'),
  at('registration.heirName', 'klo sy meninggal keluarga dpt brp', 'jkm'),

  // mid-flow: registration.heirRelation
  at('registration.heirRelation', 'anak angkat bisa jadi ahli waris?', 'heirs'),
  at('registration.heirRelation', 'keponakan boleh ga', 'heirs'),

  // mid-flow: registration.phone
  at('registration.phone', 'no hp nya buat apa, nanti ditelpon?', 'data_use'),
  at('registration.phone', 'hrs install jmo jg ga', 'jmo'),
  at('registration.phone', 'abis ini sy dpt kartu?', ['after_register', 'kpj']),
];

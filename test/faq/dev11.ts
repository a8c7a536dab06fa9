// Development question set 11: written by a tester from general knowledge of the domain, without
// reading the bot's source, data or other question sets. Mix: ~75% first messages covering every
// topic 5-6 times, ~12% out of scope (half near misses), ~5% too vague (null), ~8% typed mid-flow,
// ~10% English.

import type { LabelledMessage } from './labelled-types.js';

export const DEV11: LabelledMessage[] = [
  // ── greeting ──
  { text: 'assalamualaikum min', topic: 'greeting' },
  { text: 'halo kak, selamat pagi', topic: 'greeting' },
  { text: 'punten, sore pak', topic: 'greeting' },
  { text: 'hai kak, ada orang?', topic: 'greeting' },
  { text: 'malam min, permisi', topic: 'greeting' },
  { text: 'Hi there, good morning', topic: 'greeting', lang: 'en' },

  // ── thanks ──
  { text: 'makasih banyak ya kak infonya', topic: 'thanks' },
  { text: 'oke siap, terima kasih pak', topic: 'thanks' },
  { text: 'mksh min sangat membantu', topic: 'thanks' },
  { text: 'matur nuwun nggih mas', topic: 'thanks' },
  { text: 'terima kasih banyak lah, jelas sudah', topic: 'thanks' },
  { text: 'thanks, that really helps', topic: 'thanks', lang: 'en' },

  // ── want_register ──
  { text: 'saya mau daftar dong', topic: 'want_register' },
  { text: 'pengen ikut bpjs tk, bisa dibantu daftarin?', topic: 'want_register' },
  { text: 'mau jadi peserta kak, gimana mulainya', topic: ['want_register', 'how_register'] },
  { text: 'daftarkan saya ya min', topic: 'want_register' },
  { text: 'ulun handak bedaftar, kawa kah di sini?', topic: 'want_register' },
  { text: "I'd like to sign up please", topic: 'want_register', lang: 'en' },

  // ── check_status ──
  { text: 'pendaftaran saya kemarin sudah diproses belum ya', topic: 'check_status' },
  { text: 'gimana kabar data yg saya kirim minggu lalu', topic: 'check_status' },
  { text: 'sudah disetujui belum pendaftaran saya kak', topic: 'check_status' },
  { text: 'cek status daftar saya dong', topic: 'check_status' },
  { text: 'has my registration gone through yet?', topic: 'check_status', lang: 'en' },

  // ── delete_my_data ──
  { text: 'tolong hapus data saya, gak jadi ikut', topic: 'delete_my_data' },
  { text: 'saya mau data KTP saya dihapus aja', topic: 'delete_my_data' },
  { text: 'batalkan pendaftaran dan hapus semua data saya', topic: 'delete_my_data' },
  { text: 'bisa minta data saya dihapus dari sistem kalian?', topic: 'delete_my_data' },
  { text: 'please delete everything you have about me', topic: 'delete_my_data', lang: 'en' },

  // ── what_is_bpjstk ──
  { text: 'bpjs ketenagakerjaan itu apa sih', topic: 'what_is_bpjstk' },
  { text: 'ini sebenarnya program apa ya kak', topic: 'what_is_bpjstk' },
  { text: 'bpjamsostek itu apaan', topic: 'what_is_bpjstk' },
  { text: 'jamsostek yang dulu itu sama dengan bpjs tk kah?', topic: 'what_is_bpjstk' },
  { text: 'buat apa sih ikut bpjs tenaga kerja', topic: ['what_is_bpjstk', 'bpu_benefits'] },
  { text: 'What is BPJS Ketenagakerjaan exactly?', topic: 'what_is_bpjstk', lang: 'en' },

  // ── bpu_benefits ──
  { text: 'kalau ikut dapat apa aja', topic: 'bpu_benefits' },
  { text: 'manfaatnya apa aja kak buat pedagang kecil kayak saya', topic: 'bpu_benefits' },
  { text: 'bayar 16 ribu itu perlindungannya apa saja', topic: 'bpu_benefits' },
  { text: 'jaminan apa saja yg didapat peserta mandiri', topic: 'bpu_benefits' },
  { text: 'untungnya apa buat petani ikut bpjs tk', topic: ['bpu_benefits', 'own_account'] },
  { text: 'what do I get if I join as a street vendor?', topic: 'bpu_benefits', lang: 'en' },

  // ── jkk ──
  { text: 'kalau saya jatuh dari motor waktu antar pesanan, ada biaya berobat?', topic: 'jkk' },
  { text: 'tangan kena mesin pas kerja di bengkel, ditanggung ga', topic: 'jkk' },
  { text: 'kalau celaka di laut waktu melaut gimana, ada ganti?', topic: 'jkk' },
  { text: 'kaki patah jatuh dari pohon kelapa pas panen, dapat apa', topic: 'jkk' },
  { text: 'kalo tabrakan di jalan pas berangkat ke pasar dihitung kecelakaan kerja?', topic: 'jkk' },
  { text: 'If I get hurt at work, are the hospital bills covered?', topic: 'jkk', lang: 'en' },

  // ── jkm ──
  { text: 'istri saya meninggal karena sakit, ada santunan?', topic: 'jkm' },
  { text: 'bapak meninggal kena stroke di rumah, dapat uang duka ga', topic: 'jkm' },
  { text: 'kalo peserta meninggal biasa bukan karena kerja dapet berapa', topic: 'jkm' },
  { text: 'santunan kematian nya berapa juta kak', topic: 'jkm' },
  { text: 'suami wafat bulan lalu, dia peserta, ada uang buat keluarga?', topic: ['jkm', 'claim_jkm'] },
  { text: 'what happens if a member dies of an illness?', topic: 'jkm', lang: 'en' },

  // ── jkm_scholarship ──
  { text: 'anak dapat beasiswa ga kalau ayahnya meninggal', topic: 'jkm_scholarship' },
  { text: 'beasiswa anak sampai kuliah ada kah?', topic: 'jkm_scholarship' },
  { text: 'katanya ada bantuan sekolah buat anak peserta yg meninggal, bener?', topic: 'jkm_scholarship' },
  { text: 'anak SD dapat beasiswa berapa setahun', topic: 'jkm_scholarship' },
  { text: 'anak saya 3 orang, semuanya dapat biaya sekolah?', topic: 'jkm_scholarship' },
  { text: 'is there a scholarship for the children?', topic: 'jkm_scholarship', lang: 'en' },

  // ── jht ──
  { text: 'tabungan hari tua itu apa', topic: 'jht' },
  { text: 'kalo ikut jht uangnya bisa diambil kapan', topic: 'jht' },
  { text: 'uang jht bisa cair umur berapa', topic: 'jht' },
  { text: 'jht itu kaya celengan gitu ya?', topic: 'jht' },
  { text: 'saya mau nabung buat masa tua, ada programnya?', topic: 'jht' },
  { text: 'How does the old-age savings work?', topic: 'jht', lang: 'en' },

  // ── jht_partial ──
  { text: 'jht bisa diambil sebagian gak buat DP rumah', topic: 'jht_partial' },
  { text: 'boleh cairin 10 persen dulu?', topic: 'jht_partial' },
  { text: 'ambil 30% jht buat beli rumah syaratnya apa', topic: 'jht_partial' },
  { text: 'sudah ikut 10 tahun, bisa ambil sebagian saldo?', topic: 'jht_partial' },
  { text: 'sudah 12 tahun jadi peserta, boleh ambil sebagian buat renovasi rumah?', topic: 'jht_partial' },

  // ── jp ──
  { text: 'ada uang pensiun bulanan gak', topic: 'jp' },
  { text: 'saya tukang sayur, bisa dapat pensiun kaya pns?', topic: 'jp' },
  { text: 'jaminan pensiun bisa diikuti pekerja mandiri?', topic: 'jp' },
  { text: 'pensiun tiap bulan itu buat siapa aja', topic: 'jp' },
  { text: 'Can informal workers get a monthly pension?', topic: 'jp', lang: 'en' },

  // ── jkp ──
  { text: 'kalau di PHK ada uangnya gak', topic: 'jkp' },
  { text: 'jaminan kehilangan pekerjaan itu apa', topic: 'jkp' },
  { text: 'saya baru dipecat dari pabrik, bisa dapat tunjangan?', topic: 'jkp' },
  { text: 'jkp bisa buat ojol?', topic: 'jkp' },
  { text: 'kena phk katanya dapat gaji 6 bulan, bener?', topic: 'jkp' },
  { text: 'is there any unemployment benefit?', topic: 'jkp', lang: 'en' },

  // ── bpu_contribution ──
  { text: 'berapa sebulan kalau penghasilan 2 juta', topic: 'bpu_contribution' },
  { text: 'iuranya berapa kak', topic: 'bpu_contribution' },
  { text: 'brp bayar per bulan', topic: 'bpu_contribution' },
  { text: 'pendapatan sy ga tentu kadang 1,5 jt, iurannya brp', topic: ['bpu_contribution', 'income_declare'] },
  { text: 'paling murah berapa sih sebulannya', topic: 'bpu_contribution' },
  { text: 'How much is the monthly fee?', topic: 'bpu_contribution', lang: 'en' },

  // ── contribution_jkk ──
  { text: 'iuran jkk nya aja berapa', topic: 'contribution_jkk' },
  { text: 'kecelakaan kerja bayarnya berapa persen', topic: 'contribution_jkk' },
  { text: 'jkk 1 persen itu 1 persen dari apa', topic: 'contribution_jkk' },
  { text: 'untuk jaminan kecelakaan kerja iurannya berapa sebulan', topic: 'contribution_jkk' },
  { text: 'iuran jkk dihitung dari penghasilan ya?', topic: 'contribution_jkk' },

  // ── contribution_jkm ──
  { text: 'iuran jkm berapa', topic: 'contribution_jkm' },
  { text: 'bayar jaminan kematian sebulan berapa', topic: 'contribution_jkm' },
  { text: '6.800 itu buat bayar apa', topic: 'contribution_jkm' },
  { text: 'jkm iurannya sama semua ya?', topic: 'contribution_jkm' },
  { text: 'iuran kematian naik gak kalau penghasilan saya besar', topic: 'contribution_jkm' },

  // ── income_declare ──
  { text: 'penghasilan yang ditulis itu bersih atau kotor', topic: 'income_declare' },
  { text: 'saya nelayan hasilnya tidak tentu, tulis berapa?', topic: 'income_declare' },
  { text: 'boleh tulis penghasilan 1 juta aja padahal lebih?', topic: 'income_declare' },
  { text: 'kalau gak ada penghasilan tetap isinya gimana', topic: 'income_declare' },
  { text: 'penghasilan istri ikut dihitung gak waktu isi data?', topic: 'income_declare' },

  // ── jht_optional ──
  { text: 'jht wajib ga?', topic: 'jht_optional' },
  { text: 'boleh ikut jkk jkm aja tanpa jht?', topic: 'jht_optional' },
  { text: 'kalau mau tambah jht bisa? jadi berapa', topic: ['jht_optional', 'bpu_contribution'] },
  { text: 'harus ambil tabungan hari tua juga kah', topic: 'jht_optional' },
  { text: 'jht boleh nyusul belakangan gak', topic: 'jht_optional' },

  // ── discount ──
  { text: 'katanya ada potongan iuran 50 persen?', topic: 'discount' },
  { text: 'ojek online iurannya jadi 8.400 bener?', topic: 'discount' },
  { text: 'diskon iuran bpjs tk 2026 buat siapa aja', topic: 'discount' },
  { text: 'sopir angkot dapat keringanan iuran ga', topic: 'discount' },
  { text: 'PP 50 tahun 2025 itu isinya apa', topic: 'discount' },
  { text: 'is there a discount on contributions this year?', topic: 'discount', lang: 'en' },

  // ── wage_contribution ──
  { text: 'saya karyawan toko, potongan gaji bpjs berapa persen', topic: 'wage_contribution' },
  { text: 'gaji saya dipotong 2 persen tiap bulan itu buat apa', topic: 'wage_contribution' },
  { text: 'iuran buat karyawan dibayar siapa', topic: 'wage_contribution' },
  { text: 'kalau kerja di pabrik, perusahaan nanggung berapa', topic: 'wage_contribution' },
  { text: 'potongan bpjs di slip gaji kok 3 persen', topic: 'wage_contribution' },

  // ── free_contribution ──
  { text: 'ini gratis gak sih?', topic: 'free_contribution' },
  { text: 'iurannya dibayarin pemda?', topic: 'free_contribution' },
  { text: 'siapa yang bayar iuran saya nanti', topic: 'free_contribution' },
  { text: 'kata pak kades iurannya ditanggung kabupaten, bener?', topic: ['free_contribution', 'regency_programme'] },
  { text: 'harus bayar sendiri atau ada bantuan', topic: 'free_contribution' },
  { text: 'Do I have to pay anything or is it free?', topic: 'free_contribution', lang: 'en' },

  // ── pay_how ──
  { text: 'bayarnya lewat mana', topic: 'pay_how' },
  { text: 'bisa bayar di indomaret?', topic: 'pay_how' },
  { text: 'cara bayar iuran lewat dana gimana', topic: 'pay_how' },
  { text: 'boleh bayar 3 bulan sekalian?', topic: 'pay_how' },
  { text: 'bisa bayar lewat agen brilink di kampung?', topic: 'pay_how' },
  { text: 'how do I pay the monthly fee?', topic: 'pay_how', lang: 'en' },

  // ── inactive ──
  { text: 'saya telat bayar 3 bulan, masih aktif?', topic: 'inactive' },
  { text: 'udah lama ga bayar, kepesertaan hangus ya?', topic: 'inactive' },
  { text: 'kalau berhenti bayar iuran gimana jadinya', topic: 'inactive' },
  { text: 'nunggak iuran apa bisa dilanjut lagi', topic: 'inactive' },
  { text: 'I stopped paying last year, can I continue?', topic: 'inactive', lang: 'en' },

  // ── who_can_join ──
  { text: 'siapa aja yang bisa ikut', topic: 'who_can_join' },
  { text: 'ibu rumah tangga bisa daftar?', topic: 'who_can_join' },
  { text: 'pekerja serabutan boleh ikut?', topic: ['who_can_join', 'own_account'] },
  { text: 'syarat ikutnya apa aja?', topic: ['who_can_join', 'documents'] },
  { text: 'orang yang ga kerja tetap boleh jadi peserta kah', topic: ['who_can_join', 'own_account'] },

  // ── own_account ──
  { text: 'saya petani sawit bisa ikut gak', topic: 'own_account' },
  { text: 'nelayan kecil bisa daftar sendiri?', topic: 'own_account' },
  { text: 'tukang ojek pangkalan bisa masuk bpjs tk?', topic: 'own_account' },
  { text: 'jualan gorengan depan sekolah bisa ikut?', topic: 'own_account' },
  { text: 'ulun petani karet, kawa kah umpat?', topic: 'own_account' },
  { text: "I'm a fisherman, can I join?", topic: 'own_account', lang: 'en' },

  // ── wage_worker ──
  { text: 'saya karyawan toko, harus daftar sendiri atau lewat bos?', topic: 'wage_worker' },
  { text: 'kerja di perusahaan, bisa daftar sendiri di sini?', topic: 'wage_worker' },
  { text: 'pegawai pabrik didaftarin sama siapa', topic: 'wage_worker' },
  { text: 'saya kerja digaji bulanan, bisa ikut yg mandiri?', topic: 'wage_worker' },
  { text: 'I work for a company, should I register myself?', topic: 'wage_worker', lang: 'en' },

  // ── employer_report ──
  { text: 'bos saya gak daftarin bpjs, lapor kemana', topic: 'employer_report' },
  { text: 'perusahaan potong gaji tapi gak disetor ke bpjs', topic: 'employer_report' },
  { text: 'sudah 2 tahun kerja belum didaftarkan kantor, gimana', topic: 'employer_report' },
  { text: 'kalau majikan nolak daftarin saya gimana', topic: 'employer_report' },
  { text: 'My employer never registered me, what can I do?', topic: 'employer_report', lang: 'en' },

  // ── village_roles ──
  { text: 'saya perangkat desa, apakah ditanggung?', topic: 'village_roles' },
  { text: 'anggota BPD dapat bpjs tk dari kabupaten?', topic: 'village_roles' },
  { text: 'ketua RT bisa ikut program ini?', topic: 'village_roles' },
  { text: 'kader posyandu dapat perlindungan juga kah', topic: 'village_roles' },
  { text: 'linmas desa juga dapat jaminan ga', topic: 'village_roles' },

  // ── pekerja_rentan ──
  { text: 'pekerja rentan itu siapa aja', topic: 'pekerja_rentan' },
  { text: 'saya orang ga mampu terdaftar DTKS, dapat gratis?', topic: ['pekerja_rentan', 'free_contribution'] },
  { text: 'warga miskin bisa dibayarin iurannya?', topic: ['pekerja_rentan', 'free_contribution'] },
  { text: 'apa itu pekerja rentan', topic: 'pekerja_rentan' },
  { text: 'kami penerima PKH, termasuk pekerja rentan?', topic: 'pekerja_rentan' },

  // ── age_limit ──
  { text: 'umur 58 masih boleh ikut?', topic: 'age_limit' },
  { text: 'bapak saya 70 tahun masih bisa didaftarkan?', topic: 'age_limit' },
  { text: 'batas usia ikut bpjs tk berapa', topic: 'age_limit' },
  { text: 'anak umur 17 sudah bantu kerja di sawah, boleh daftar?', topic: 'age_limit' },
  { text: 'Is there an age limit to join?', topic: 'age_limit', lang: 'en' },

  // ── foreigner ──
  { text: 'suami saya warga malaysia kerja di sini, bisa ikut?', topic: 'foreigner' },
  { text: 'WNA boleh daftar?', topic: 'foreigner' },
  { text: 'orang asing yang kerja di kebun bisa jadi peserta?', topic: 'foreigner' },
  { text: 'saya bukan WNI tapi sudah lama tinggal, bisa ikut?', topic: 'foreigner' },
  { text: 'Can a foreigner working here join?', topic: 'foreigner', lang: 'en' },

  // ── already_member ──
  { text: 'saya sudah punya bpjs tk dari kantor lama, perlu daftar lagi?', topic: 'already_member' },
  { text: 'dulu pernah ikut jamsostek, masih berlaku gak', topic: 'already_member' },
  { text: 'kartu saya sudah ada, masih perlu daftar di sini?', topic: ['already_member', 'kpj'] },
  { text: 'udah terdaftar kok masih disuruh daftar', topic: 'already_member' },
  { text: 'punya kartu jamsostek lama dari pabrik, bisa dipakai lagi?', topic: ['already_member', 'kpj'] },

  // ── how_register ──
  { text: 'gimana cara daftar', topic: 'how_register' },
  { text: 'daftarnya di mana kak', topic: 'how_register' },
  { text: 'prosesnya gimana kalo mau ikut', topic: 'how_register' },
  { text: 'bisa daftar lewat hp aja?', topic: 'how_register' },
  { text: 'piye carane daftar bpjs tk mandiri', topic: 'how_register' },
  { text: 'how do I register?', topic: 'how_register', lang: 'en' },

  // ── documents ──
  { text: 'apa aja yang harus disiapin buat daftar', topic: 'documents' },
  { text: 'perlu fotokopi KK gak', topic: 'documents' },
  { text: 'daftar harus bawa KTP asli?', topic: 'documents' },
  { text: 'kalau ga punya email gimana daftarnya', topic: 'documents' },
  { text: 'what documents do I need?', topic: 'documents', lang: 'en' },

  // ── nik ──
  { text: 'NIK itu yang mana ya', topic: 'nik' },
  { text: 'nik itu nomor di KTP atau KK?', topic: 'nik' },
  { text: 'ktp saya hilang, nik bisa dilihat dimana', topic: 'nik' },
  { text: 'nik saya katanya ga terbaca di dukcapil', topic: 'nik' },
  { text: "what's a NIK?", topic: 'nik', lang: 'en' },

  // ── register_other ──
  { text: 'bisa daftarin ibu saya?', topic: 'register_other' },
  { text: 'saya kader mau daftarin 10 warga sekaligus', topic: 'register_other' },
  { text: 'tetangga ga punya hp, saya yg daftarin boleh?', topic: 'register_other' },
  { text: 'suami gak ngerti hp, saya yang isikan boleh?', topic: 'register_other' },
  { text: 'Can I register my father on his behalf?', topic: 'register_other', lang: 'en' },

  // ── after_register ──
  { text: 'habis daftar terus ngapain', topic: 'after_register' },
  { text: 'setelah kirim data, kapan aktifnya?', topic: ['after_register', 'waiting_periods'] },
  { text: 'sudah daftar tadi, selanjutnya apa', topic: 'after_register' },
  { text: 'nanti dapat kartu gak setelah daftar', topic: ['after_register', 'kpj'] },
  { text: 'udah daftar, nanti dihubungi petugas kah?', topic: 'after_register' },

  // ── reference_code ──
  { text: 'kode pendaftaran saya lupa', topic: 'reference_code' },
  { text: 'nomor referensi itu buat apa', topic: 'reference_code' },
  { text: 'kode yg dikirim tadi kehapus, gimana', topic: 'reference_code' },
  { text: 'kode yang dikasih habis daftar disimpan buat apa', topic: 'reference_code' },
  { text: 'kode pendaftaran itu dikirim lewat sms atau wa?', topic: 'reference_code' },

  // ── correct_data ──
  { text: 'nama saya salah ketik, bisa diubah?', topic: 'correct_data' },
  { text: 'tanggal lahir yg saya kirim keliru', topic: 'correct_data' },
  { text: 'mau ganti nomor hp yang didaftarkan', topic: 'correct_data' },
  { text: 'alamat salah tulis tadi gmn benerinnya', topic: 'correct_data' },
  { text: 'nik yang saya masukin kurang satu angka, bisa ganti?', topic: 'correct_data' },

  // ── status_meaning ──
  { text: 'status menunggu verifikasi artinya apa', topic: 'status_meaning' },
  { text: 'kok statusnya ditolak, maksudnya gimana', topic: 'status_meaning' },
  { text: "tulisannya 'diteruskan ke BPJS' itu berarti udah aktif?", topic: 'status_meaning' },
  { text: 'status draft itu apa ya', topic: 'status_meaning' },
  { text: "status 'perlu perbaikan' maksudnya gimana kak", topic: 'status_meaning' },

  // ── claim_jkm ──
  { text: 'cara klaim santunan kematian gimana', topic: 'claim_jkm' },
  { text: 'ayah saya peserta meninggal, urus uangnya kemana', topic: 'claim_jkm' },
  { text: 'berkas klaim jkm apa aja', topic: 'claim_jkm' },
  { text: 'ngurus santunan kematian harus datang ke kantor bpjs?', topic: 'claim_jkm' },
  { text: 'nenek peserta meninggal, keluarga harus bawa apa buat klaim', topic: 'claim_jkm' },

  // ── claim_jkk ──
  { text: 'habis kecelakaan kerja, klaimnya gimana', topic: 'claim_jkk' },
  { text: 'berobat kecelakaan kerja bayar dulu nanti diganti?', topic: 'claim_jkk' },
  { text: 'rumah sakit mana yg bisa pakai bpjs tk buat kecelakaan kerja', topic: 'claim_jkk' },
  { text: 'lapor kecelakaan kerja paling lambat kapan', topic: 'claim_jkk' },
  { text: 'kecelakaan waktu kerja harus lapor ke siapa dulu', topic: 'claim_jkk' },

  // ── claim_jht ──
  { text: 'cara cairin jht gimana', topic: 'claim_jht' },
  { text: 'pencairan jht lewat hp bisa?', topic: ['claim_jht', 'jmo'] },
  { text: 'mau ambil jht karena sudah berhenti kerja, syaratnya?', topic: 'claim_jht' },
  { text: 'klaim saldo jht berapa lama cairnya', topic: 'claim_jht' },
  { text: 'umur sudah 56, saldo jht ambilnya dimana', topic: 'claim_jht' },

  // ── regency_programme ──
  { text: 'program kabupaten ini untuk siapa aja', topic: 'regency_programme' },
  { text: 'kuota pemkab tahun ini masih ada?', topic: 'regency_programme' },
  { text: 'daerah saya termasuk yg dibayarin pemda gak', topic: ['regency_programme', 'free_contribution'] },
  { text: 'program bpjs gratis dari bupati itu apa', topic: ['regency_programme', 'free_contribution'] },
  { text: 'kecamatan saya masuk wilayah programnya?', topic: 'regency_programme' },

  // ── dana_desa ──
  { text: 'boleh gak iuran dibayar pakai dana desa', topic: 'dana_desa' },
  { text: 'desa mau anggarkan bpjs tk buat RT, pakai DD boleh?', topic: 'dana_desa' },
  { text: 'ADD bisa buat bayar iuran perangkat?', topic: 'dana_desa' },
  { text: 'kepala desa bilang mau pakai dana desa, aturannya gimana', topic: 'dana_desa' },
  { text: 'permendagri 15 2023 soal bpjs tk di desa gimana', topic: 'dana_desa' },

  // ── privacy ──
  { text: 'data saya aman gak di sini', topic: 'privacy' },
  { text: 'ktp saya nanti disebar gak', topic: 'privacy' },
  { text: 'siapa saja yang bisa lihat data saya', topic: 'privacy' },
  { text: 'saya takut nik disalahgunakan buat pinjol', topic: 'privacy' },
  { text: 'is my personal data safe with you?', topic: 'privacy', lang: 'en' },

  // ── data_use ──
  { text: 'data saya dipakai buat apa', topic: 'data_use' },
  { text: 'kenapa harus kasih nik segala', topic: 'data_use' },
  { text: 'kok nanya penghasilan, untuk apa', topic: 'data_use' },
  { text: 'data ini dikirim ke mana aja', topic: ['data_use', 'privacy'] },
  { text: 'nomor hp saya nanti buat apa aja', topic: 'data_use' },

  // ── kpj ──
  { text: 'nomor kpj itu apa', topic: 'kpj' },
  { text: 'kartu peserta saya hilang, cara dapat lagi', topic: 'kpj' },
  { text: 'nomor kepesertaan saya berapa ya, lupa', topic: 'kpj' },
  { text: 'kartu bpjs tk nanti dikirim ke rumah?', topic: 'kpj' },
  { text: 'kpj itu 11 angka kan? liatnya dimana', topic: 'kpj' },

  // ── jmo ──
  { text: 'aplikasi JMO itu apa', topic: 'jmo' },
  { text: 'cara login jmo gimana', topic: 'jmo' },
  { text: 'bisa cek saldo jht di jmo?', topic: 'jmo' },
  { text: 'jmo gagal verifikasi wajah terus', topic: 'jmo' },
  { text: 'aplikasi bpjs tk yang di playstore yang mana', topic: 'jmo' },

  // ── heirs ──
  { text: 'ahli waris itu siapa', topic: 'heirs' },
  { text: 'boleh tulis adik sebagai ahli waris?', topic: 'heirs' },
  { text: 'belum nikah, ahli warisnya siapa', topic: 'heirs' },
  { text: 'kalau anak masih kecil bisa jadi ahli waris?', topic: 'heirs' },
  { text: 'ahli waris harus satu KK?', topic: 'heirs' },

  // ── kesehatan ──
  { text: 'bedanya sama bpjs kesehatan apa', topic: 'kesehatan' },
  { text: 'udah punya KIS, perlu ini juga?', topic: 'kesehatan' },
  { text: 'bpjs tk bisa buat berobat sakit biasa?', topic: 'kesehatan' },
  { text: 'ini sama kaya bpjs yg buat rumah sakit kan?', topic: 'kesehatan' },
  { text: 'bayar bpjs kesehatan tiap bulan, masih perlu bpjs tk?', topic: 'kesehatan' },

  // ── official ──
  { text: 'ini nomor resmi bpjs bukan?', topic: 'official' },
  { text: 'ini penipuan ya? kok minta nik', topic: ['official', 'data_use'] },
  { text: 'bot ini dari pemerintah?', topic: 'official' },
  { text: 'kamu admin bpjs yang asli?', topic: 'official' },
  { text: 'is this an official BPJS account?', topic: 'official', lang: 'en' },

  // ── contact_office ──
  { text: 'nomor kantor bpjs tk terdekat', topic: 'contact_office' },
  { text: 'alamat disnaker kabupaten dimana', topic: 'contact_office' },
  { text: 'mau ngomong sama petugas langsung bisa?', topic: 'contact_office' },
  { text: 'ada nomor wa petugasnya?', topic: 'contact_office' },
  { text: 'kantor bpjs tk cabang buka jam berapa', topic: 'contact_office' },

  // ── bot_capabilities ──
  { text: 'kamu bisa bantu apa aja', topic: 'bot_capabilities' },
  { text: 'menu', topic: 'bot_capabilities' },
  { text: 'bot ini bisa ngapain aja', topic: 'bot_capabilities' },
  { text: 'di sini bisa cek saldo jht gak?', topic: ['bot_capabilities', 'jmo'] },
  { text: 'what can you do?', topic: 'bot_capabilities', lang: 'en' },

  // ── compare_programmes ──
  { text: 'bedanya jkk sama jkm apa', topic: 'compare_programmes' },
  { text: 'jht sama jp bedanya apa', topic: 'compare_programmes' },
  { text: 'mending ambil yg 16 ribu atau 36 ribu', topic: ['compare_programmes', 'jht_optional'] },
  { text: 'program mana yg paling penting buat nelayan', topic: 'compare_programmes' },
  { text: 'jkk jkm jht itu apa bedanya satu-satu', topic: 'compare_programmes' },

  // ── waiting_periods ──
  { text: 'baru daftar lalu besoknya kecelakaan, ditanggung?', topic: 'waiting_periods' },
  { text: 'berapa lama nunggu sampai bisa klaim', topic: 'waiting_periods' },
  { text: 'ada masa tunggu gak', topic: 'waiting_periods' },
  { text: 'berapa tahun bayar baru anak dapat beasiswa', topic: ['waiting_periods', 'jkm_scholarship'] },
  { text: 'daftar hari ini, perlindungannya mulai kapan', topic: 'waiting_periods' },

  // ── out_of_scope: near misses (our words, another sense) ──
  { text: 'jaminan sertifikat rumah buat pinjam di bank gimana', topic: 'out_of_scope' },
  { text: 'iuran kebersihan RT bulan ini berapa ya', topic: 'out_of_scope' },
  { text: 'cara daftar jadi driver ojol di kota saya', topic: 'out_of_scope' },
  { text: 'klaim garansi hp rusak di mana', topic: 'out_of_scope' },
  { text: 'santunan anak yatim dari masjid kapan dibagi', topic: 'out_of_scope' },
  { text: 'bagi warisan tanah ke ahli waris hukumnya gimana', topic: 'out_of_scope' },
  { text: 'kecelakaan truk di jalan lintas tadi pagi ada korban?', topic: 'out_of_scope' },
  { text: 'pensiun PNS guru golongan 3 dapat berapa sebulan', topic: 'out_of_scope' },
  { text: 'cara bayar tagihan listrik lewat indomaret', topic: 'out_of_scope' },
  { text: 'beasiswa KIP kuliah pendaftarannya kapan', topic: 'out_of_scope' },
  { text: 'tabungan haji di bank minimal setor berapa', topic: 'out_of_scope' },
  { text: 'cara ganti foto KTP di dukcapil', topic: 'out_of_scope' },
  { text: 'daftar CPNS tahun ini syaratnya apa', topic: 'out_of_scope' },
  { text: 'aplikasi pinjol yang terdaftar OJK apa aja', topic: 'out_of_scope' },
  { text: 'upah harian tukang bangunan sekarang berapa', topic: 'out_of_scope' },
  { text: 'status pengiriman paket saya belum berubah', topic: 'out_of_scope' },
  { text: 'iuran arisan ibu-ibu PKK naik gak', topic: 'out_of_scope' },
  { text: 'cara ngajuin KUR buat modal warung', topic: 'out_of_scope' },
  { text: 'dana desa tahun ini cair bulan apa', topic: 'out_of_scope' },
  { text: 'kode promo ongkir hari ini apa', topic: 'out_of_scope' },
  { text: 'asuransi motor saya bisa klaim kalau dicuri?', topic: 'out_of_scope' },
  { text: 'kartu prakerja gelombang baru kapan dibuka', topic: 'out_of_scope' },
  { text: 'berapa pesangon kalau saya resign sendiri', topic: 'out_of_scope' },
  { text: 'my motorbike insurance claim got rejected, what now', topic: 'out_of_scope', lang: 'en' },

  // ── out_of_scope: plainly unrelated ──
  { text: 'resep rendang padang gimana', topic: 'out_of_scope' },
  { text: 'besok hujan gak ya di sini', topic: 'out_of_scope' },
  { text: 'harga cabai di pasar naik lagi kah', topic: 'out_of_scope' },
  { text: 'jadwal bola malam ini apa', topic: 'out_of_scope' },
  { text: 'cara bikin pupuk kompos dari daun', topic: 'out_of_scope' },
  { text: 'rekomendasi hp murah sejutaan dong', topic: 'out_of_scope' },
  { text: 'bisa bantu kerjain PR matematika anak?', topic: 'out_of_scope' },
  { text: 'harga pertalite sekarang berapa', topic: 'out_of_scope' },
  { text: 'lebaran tahun depan tanggal berapa', topic: 'out_of_scope' },
  { text: 'obat batuk anak yang bagus apa', topic: 'out_of_scope' },
  { text: 'gimana caranya biar video tiktok viral', topic: 'out_of_scope' },
  { text: 'ikan patin sekilo dijual berapa sekarang', topic: 'out_of_scope' },
  { text: 'sawah kena wereng, obatnya apa', topic: 'out_of_scope' },
  { text: 'kirimin pulsa dong 10 ribu', topic: 'out_of_scope' },
  { text: 'tolong terjemahkan surat bahasa inggris ini', topic: 'out_of_scope' },
  { text: 'jual motor bekas yang bagus di mana', topic: 'out_of_scope' },
  { text: 'cara masak nasi kuning buat selamatan', topic: 'out_of_scope' },
  { text: 'jam berapa sekarang di jakarta', topic: 'out_of_scope' },
  { text: 'pupuk subsidi kapan datang ke kelompok tani', topic: 'out_of_scope' },
  { text: 'ramalan zodiak hari ini apa', topic: 'out_of_scope' },
  { text: "what's the weather in Bali tomorrow?", topic: 'out_of_scope', lang: 'en' },
  { text: 'tell me a joke', topic: 'out_of_scope', lang: 'en' },
  { text: 'can you recommend a cheap hotel in Banjarmasin?', topic: 'out_of_scope', lang: 'en' },
  { text: 'help me write a job application letter', topic: 'out_of_scope', lang: 'en' },

  // ── null: too vague or noise ──
  { text: '?', topic: null },
  { text: 'p', topic: null },
  { text: 'ok', topic: null },
  { text: 'hmm', topic: null },
  { text: 'tes', topic: null },
  { text: '...', topic: null },
  { text: 'ya', topic: null },
  { text: 'gmn', topic: null },
  { text: 'terus?', topic: null },
  { text: 'itu gimana maksudnya', topic: null },
  { text: 'yang tadi kak', topic: null },
  { text: 'wkwkwk', topic: null },
  { text: 'bpjs', topic: null },
  { text: 'lanjut', topic: null },
  { text: 'ga jadi deh', topic: null },
  { text: 'saya bingung', topic: null },
  { text: 'asdfgh', topic: null },
  { text: 'nanti aja', topic: null },
  { text: 'hmm ok', topic: null, lang: 'en' },
  { text: 'what?', topic: null, lang: 'en' },

  // ── mid-flow: questions typed while the bot waits for an answer ──
  { text: 'penghasilan itu kotor apa bersih?', topic: 'income_declare', step: 'calculator.income' },
  { text: 'ga tentu kak, kadang ada kadang engga', topic: 'income_declare', step: 'calculator.income' },
  { text: 'ini nanti dibayar pemda ga sih?', topic: 'free_contribution', step: 'calculator.income' },
  { text: "I don't have a fixed income, what do I put?", topic: 'income_declare', lang: 'en', step: 'calculator.income' },
  { text: 'bayarnya nanti lewat mana?', topic: 'pay_how', step: 'calculator.after' },
  { text: 'kalau tambah jht jadi berapa', topic: ['jht_optional', 'bpu_contribution'], step: 'calculator.after' },
  { text: 'oke mau daftar sekarang', topic: 'want_register', step: 'calculator.after' },
  { text: 'ada diskon gak buat ojek?', topic: 'discount', step: 'calculator.after' },
  { text: 'kalau serabutan masuk yang mana', topic: ['own_account', 'who_can_join'], step: 'eligibility.work' },
  { text: 'perangkat desa termasuk ga?', topic: 'village_roles', step: 'eligibility.work' },
  { text: 'saya karyawan tapi bos ga daftarin', topic: 'employer_report', step: 'eligibility.work' },
  { text: 'kenapa tanya umur?', topic: 'data_use', step: 'eligibility.age' },
  { text: 'umur 66 masih bisa ikut?', topic: 'age_limit', step: 'eligibility.age' },
  { text: 'nama sesuai KTP atau nama panggilan?', topic: 'documents', step: 'registration.fullName' },
  { text: 'bentar, ini bot resmi bukan?', topic: 'official', step: 'registration.fullName' },
  { text: 'data saya aman kan?', topic: 'privacy', step: 'registration.fullName' },
  { text: 'NIK itu yang di kartu keluarga ya?', topic: 'nik', step: 'registration.nik' },
  { text: 'kenapa harus nik segala?', topic: 'data_use', step: 'registration.nik' },
  { text: 'why do you need this number?', topic: 'data_use', lang: 'en', step: 'registration.nik' },
  { text: 'format tanggalnya gimana', topic: 'documents', step: 'registration.birthDate' },
  { text: 'tadi nik saya salah ketik, bisa ulang?', topic: 'correct_data', step: 'registration.birthDate' },
  { text: 'alamat KTP atau alamat sekarang?', topic: 'documents', step: 'registration.address' },
  { text: 'saya tinggal di kabupaten lain, masih bisa ikut program?', topic: 'regency_programme', step: 'registration.address' },
  { text: 'ojek online masuk pekerjaan apa?', topic: 'own_account', step: 'registration.occupation' },
  { text: 'ibu rumah tangga tulis apa?', topic: ['who_can_join', 'documents'], step: 'registration.occupation' },
  { text: 'yg ditulis penghasilan bersih?', topic: 'income_declare', step: 'registration.income' },
  { text: 'kalo tulis 3 juta iurannya jadi berapa', topic: 'bpu_contribution', step: 'registration.income' },
  { text: 'ahli waris harus keluarga kandung?', topic: 'heirs', step: 'registration.heirName' },
  { text: 'can it be my sister?', topic: 'heirs', lang: 'en', step: 'registration.heirName' },
  { text: 'ponakan boleh jadi ahli waris?', topic: 'heirs', step: 'registration.heirRelation' },
  { text: 'nomor hp anak saya boleh?', topic: ['documents', 'register_other'], step: 'registration.phone' },
  { text: 'ga jadi, hapus aja data saya', topic: 'delete_my_data', step: 'registration.phone' },
  { text: 'nomor ini bakal dipakai buat apa', topic: 'data_use', step: 'registration.phone' },
];

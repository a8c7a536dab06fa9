// Development question set 5: the realistic middle. What a typical first-time user types into a
// WhatsApp government-service bot: 4 to 15 words, one clear question, everyday Indonesian with
// common abbreviations and a few typos; about 10% English, ~15% out of scope, ~5% vague (null),
// ~10% typed mid-flow while the bot waits for an answer (`step`).
// Written without looking at the bot's source, data or locale files.

import type { LabelledMessage } from './labelled-types.js';

export const DEV5: LabelledMessage[] = [
  // ---- greeting ----
  { text: 'assalamualaikum kak, selamat siang', topic: 'greeting' },
  { text: 'halo kak selamat pagi', topic: 'greeting' },
  { text: 'permisi kak, numpang tanya', topic: 'greeting' },
  { text: 'selamat sore kak, ada yg bisa ditanya?', topic: 'greeting' },

  // ---- thanks ----
  { text: 'makasih kak infonya jelas', topic: 'thanks' },
  { text: 'oke trimakasih banyak ya kak', topic: 'thanks' },
  { text: 'siap kak, makasih bnyk', topic: 'thanks' },
  { text: 'oke mksh kak sudah dibantu', topic: 'thanks' },

  // ---- want_register ----
  { text: 'saya mau daftar bpjs ketenagakerjaan kak', topic: 'want_register' },
  { text: 'mau daftar bpjs tk skrg bisa?', topic: ['want_register', 'how_register'] },
  { text: 'daftarin saya dong kak', topic: 'want_register' },
  { text: 'sy pengen jd peserta bpjs tk', topic: 'want_register' },
  { text: 'permisi kak, saya mau ikut daftar', topic: 'want_register' },
  { text: 'sy mau gabung bpjs tk lewat sini', topic: 'want_register' },

  // ---- check_status ----
  { text: 'pendaftaran saya udh diproses blm ya', topic: 'check_status' },
  { text: 'mau cek status pendaftaran saya kak', topic: 'check_status' },
  { text: 'kemarin sy udh daftar, gmn kabarnya ya', topic: 'check_status' },
  { text: 'sdh seminggu blm ada kabar, data sy gmn?', topic: 'check_status' },
  { text: 'how do I check my registration status', topic: 'check_status', lang: 'en' },

  // ---- delete_my_data ----
  { text: 'tolong hapus data saya kak', topic: 'delete_my_data' },
  { text: 'sy gak jadi daftar, datanya dihapus aja', topic: 'delete_my_data' },
  { text: 'gmn cara hapus data yg udh sy kirim', topic: 'delete_my_data' },
  { text: 'data sy yg kemarin tolong dihapus semua', topic: 'delete_my_data' },

  // ---- what_is_bpjstk ----
  { text: 'bpjs ketenagakerjaan itu apa sih kak', topic: 'what_is_bpjstk' },
  { text: 'permisi kak, mau tanya bpjs tk itu apa?', topic: 'what_is_bpjstk' },
  { text: 'jamsostek sama bpjs tk itu sama gak', topic: 'what_is_bpjstk' },
  { text: 'apa itu bpjamsostek kak', topic: 'what_is_bpjstk' },
  { text: 'what is BPJS Ketenagakerjaan exactly', topic: 'what_is_bpjstk', lang: 'en' },

  // ---- bpu_benefits ----
  { text: 'kalo ikut bpjs tk dapet apa aja', topic: 'bpu_benefits' },
  { text: 'manfaatnya apa buat pedagang kayak sy', topic: 'bpu_benefits' },
  { text: 'apa untungnya ikut bpjs tk buat petani', topic: 'bpu_benefits' },
  { text: 'pekerja bpu dapat perlindungan apa aja?', topic: 'bpu_benefits' },
  { text: 'klo sy ikut trs ada apa2 dpt apa', topic: 'bpu_benefits' },
  { text: 'what are the benefits for informal workers', topic: 'bpu_benefits', lang: 'en' },

  // ---- jkk (work accident: each part) ----
  { text: 'jkk itu apa ya kak', topic: 'jkk' },
  { text: 'kalo kecelakaan kerja dapet apa aja', topic: 'jkk' },
  { text: 'jatuh dari pohon kelapa pas kerja ditanggung gak', topic: 'jkk' },
  { text: 'berobat krn kecelakaan kerja dibayarin sampe brp', topic: 'jkk' },
  { text: 'biaya rumah sakit kecelakaan kerja ada batasnya gk?', topic: 'jkk' },
  { text: 'kalo gk bisa kerja krn kecelakaan dapat gaji gak', topic: 'jkk' },
  { text: 'kalau cacat krn kecelakaan kerja dapat brp', topic: 'jkk' },
  { text: 'kalau meninggal krn kecelakaan kerja dapat berapa', topic: 'jkk' },
  { text: '48 kali upah itu maksudnya gimana', topic: 'jkk' },
  { text: 'kecelakaan di jalan pas berangkat ke pasar termasuk gak?', topic: 'jkk' },
  { text: 'tangan kena mesin penggiling padi, bpjs tk nanggung?', topic: 'jkk' },
  { text: 'does it cover accidents on the way to work', topic: 'jkk', lang: 'en' },

  // ---- jkm (death not at work, funeral) ----
  { text: 'jkm itu apa kak', topic: 'jkm' },
  { text: 'kalo meninggal biasa bukan krn kerja dapat apa', topic: 'jkm' },
  { text: 'santunan kematian dari bpjs tk brp kak', topic: 'jkm' },
  { text: '42 juta itu dapetnya kalau kenapa', topic: 'jkm' },
  { text: 'uang pemakaman dari bpjs tk berapa ya', topic: 'jkm' },
  { text: 'biaya pemakaman 10 juta itu beneran?', topic: 'jkm' },
  { text: 'meninggal karena sakit dapat santunan gak?', topic: 'jkm' },
  { text: 'what does the family get if a member dies of illness', topic: 'jkm', lang: 'en' },

  // ---- jkm_scholarship ----
  { text: 'beasiswa anak dari bpjs tk gmn kak', topic: 'jkm_scholarship' },
  { text: 'anak sy dapat beasiswa gk kalo sy meninggal', topic: 'jkm_scholarship' },
  { text: 'beasiswa anaknya sampai kuliah ada?', topic: 'jkm_scholarship' },
  { text: 'brp anak yg bisa dpt beasiswa', topic: 'jkm_scholarship' },
  { text: 'is there a scholarship for the children', topic: 'jkm_scholarship', lang: 'en' },

  // ---- jht ----
  { text: 'jht itu apa kak?', topic: 'jht' },
  { text: 'jaminan hari tua bisa dicairkan kapan', topic: 'jht' },
  { text: 'jht buat pekerja mandiri ada gk', topic: 'jht' },
  { text: 'uang jht dapatnya brp nanti', topic: 'jht' },
  { text: 'kalo umur 56 jht diambil semua?', topic: 'jht' },
  { text: 'what is JHT and when is it paid', topic: 'jht', lang: 'en' },

  // ---- jht_partial ----
  { text: 'jht bisa diambil sebagian gk kak', topic: 'jht_partial' },
  { text: 'bisa cairin 10 persen jht dulu?', topic: 'jht_partial' },
  { text: 'jht 30% buat rumah syaratnya apa', topic: 'jht_partial' },
  { text: 'can I withdraw part of my JHT', topic: 'jht_partial', lang: 'en' },

  // ---- jp ----
  { text: 'jaminan pensiun itu apa ya', topic: 'jp' },
  { text: 'pekerja bpu bisa ikut jp gk', topic: 'jp' },
  { text: 'pensiun bulanan dari bpjs tk syaratnya apa', topic: 'jp' },
  { text: 'umur pensiun bpjs tk brp skrg', topic: 'jp' },

  // ---- jkp ----
  { text: 'jkp itu apa kak', topic: 'jkp' },
  { text: 'kena phk dapat uang dari bpjs tk?', topic: 'jkp' },
  { text: 'jaminan kehilangan pekerjaan dibayar brp lama', topic: 'jkp' },
  { text: 'I got laid off, can I get JKP', topic: 'jkp', lang: 'en' },

  // ---- bpu_contribution (incl. with an income) ----
  { text: 'iuran bpjs tk berapa sebulan kak', topic: 'bpu_contribution' },
  { text: 'brp bayarnya per bulan', topic: 'bpu_contribution' },
  { text: 'gaji 2,5 juta iurannya brp', topic: 'bpu_contribution' },
  { text: 'penghasilan sy 1,5 jt sebulan bayar brp?', topic: 'bpu_contribution' },
  { text: 'dapet 3 juta sebulan dari jualan, iuran berapa', topic: 'bpu_contribution' },
  { text: 'iuran paling murah brp kak', topic: 'bpu_contribution' },
  { text: '16800 itu udh termasuk semua?', topic: 'bpu_contribution' },
  { text: 'kalo pakai jht jadi berapa totalnya', topic: ['bpu_contribution', 'jht_optional'] },
  { text: 'berapa iuran bpjs ketenagakerjaan untuk petani', topic: 'bpu_contribution' },
  { text: 'how much is the monthly fee', topic: 'bpu_contribution', lang: 'en' },

  // ---- contribution_jkk ----
  { text: 'iuran jkk brp persen kak', topic: 'contribution_jkk' },
  { text: 'jkk bayarnya brp sebulan', topic: 'contribution_jkk' },
  { text: 'iuran jkk 1 persen itu dari apa', topic: 'contribution_jkk' },
  { text: 'iuran jkk buat penghasilan 2 juta brp', topic: ['contribution_jkk', 'bpu_contribution'] },

  // ---- contribution_jkm ----
  { text: 'iuran jkm brp ya', topic: 'contribution_jkm' },
  { text: 'jkm 6800 itu per bulan?', topic: 'contribution_jkm' },
  { text: 'bayar jkm nya aja brp kak', topic: 'contribution_jkm' },
  { text: 'iuran santunan kematian brp sebulan', topic: 'contribution_jkm' },

  // ---- income_declare ----
  { text: 'penghasilan yg dilaporin harus sesuai asli?', topic: 'income_declare' },
  { text: 'boleh lapor penghasilan 1 juta aja?', topic: 'income_declare' },
  { text: 'penghasilan gak tentu, nulisnya gmn', topic: 'income_declare' },
  { text: 'kalo lapor penghasilan lebih tinggi santunan lebih besar?', topic: ['income_declare', 'jkk'] },

  // ---- jht_optional ----
  { text: 'jht wajib gk buat pekerja mandiri', topic: 'jht_optional' },
  { text: 'bisa ikut jkk jkm aja tanpa jht?', topic: 'jht_optional' },
  { text: 'kalo mau tambah jht bisa nyusul?', topic: 'jht_optional' },
  { text: 'jht itu pilihan atau harus ikut?', topic: 'jht_optional' },

  // ---- discount ----
  { text: 'katanya iuran bpjs tk diskon 50 persen ya', topic: 'discount' },
  { text: 'ojol iurannya jadi 8400 bener?', topic: 'discount' },
  { text: 'potongan iuran pp 50 2025 itu gmn', topic: 'discount' },
  { text: 'diskon iuran buat sopir angkot sampai kapan', topic: 'discount' },

  // ---- wage_contribution ----
  { text: 'potongan bpjs tk di slip gaji brp persen', topic: 'wage_contribution' },
  { text: 'karyawan bayar iuran brp, kantor brp', topic: 'wage_contribution' },
  { text: 'gaji sy dipotong 2% buat jht bener gk', topic: 'wage_contribution' },
  { text: 'perusahaan nanggung iuran brp persen', topic: 'wage_contribution' },

  // ---- free_contribution ----
  { text: 'ada yg gratis gk kak', topic: 'free_contribution' },
  { text: 'siapa yg bayar iurannya nanti', topic: 'free_contribution' },
  { text: 'iurannya dibayarin pemda gk?', topic: 'free_contribution' },
  { text: 'bener gratis dibayar kabupaten?', topic: 'free_contribution' },
  { text: 'do I have to pay or is it free', topic: 'free_contribution', lang: 'en' },

  // ---- pay_how ----
  { text: 'bayar iuran lewat mana kak', topic: 'pay_how' },
  { text: 'bisa bayar di indomaret gk?', topic: 'pay_how' },
  { text: 'bayarnya pake dana atau ovo bisa?', topic: 'pay_how' },
  { text: 'bayar tiap bulan atau bisa sekaligus setahun', topic: 'pay_how' },
  { text: 'bayar iuran bisa lewat bank gk', topic: 'pay_how' },

  // ---- inactive ----
  { text: 'telat bayar 3 bulan gmn kak', topic: 'inactive' },
  { text: 'kalo berhenti bayar kepesertaan hangus?', topic: 'inactive' },
  { text: 'udh lama gk bayar, bisa aktif lagi?', topic: 'inactive' },
  { text: 'kalau nunggak terus kecelakaan ditanggung gak', topic: 'inactive' },

  // ---- who_can_join (incl. housewives, students) ----
  { text: 'siapa aja yg bisa ikut bpjs tk', topic: 'who_can_join' },
  { text: 'syarat jadi peserta apa aja kak', topic: 'who_can_join' },
  { text: 'ibu rumah tangga bisa ikut bpjs tk?', topic: 'who_can_join' },
  { text: 'mahasiswa bisa daftar gk kak', topic: 'who_can_join' },
  { text: 'pelajar yg kerja part time bisa ikut?', topic: 'who_can_join' },
  { text: 'pengangguran bisa ikut bpjs tk gk', topic: 'who_can_join' },

  // ---- own_account (farmers, fishers, vendors, ojek, day labourers, domestic workers) ----
  { text: 'petani bisa ikut bpjs tk?', topic: 'own_account' },
  { text: 'nelayan bisa daftar gk kak', topic: 'own_account' },
  { text: 'sy pedagang kaki lima bisa ikut?', topic: 'own_account' },
  { text: 'ojek pangkalan bisa daftar sendiri?', topic: 'own_account' },
  { text: 'driver ojol daftar sendiri bisa gk', topic: 'own_account' },
  { text: 'kuli bangunan harian bisa ikut bpjs tk?', topic: 'own_account' },
  { text: 'pembantu rumah tangga bisa ikut gk', topic: ['own_account', 'who_can_join'] },
  { text: "I'm a fisherman, can I join", topic: 'own_account', lang: 'en' },

  // ---- wage_worker ----
  { text: 'sy karyawan pabrik bisa daftar sendiri?', topic: 'wage_worker' },
  { text: 'pegawai toko daftarnya lewat siapa', topic: 'wage_worker' },
  { text: 'kerja di pt harusnya didaftarin kantor ya?', topic: 'wage_worker' },
  { text: "I'm an employee, can I register myself", topic: 'wage_worker', lang: 'en' },

  // ---- employer_report ----
  { text: 'bos sy gk daftarin bpjs tk, gmn', topic: 'employer_report' },
  { text: 'perusahaan gak mau daftarin karyawan, lapor kemana', topic: 'employer_report' },
  { text: 'gaji dipotong bpjs tapi gk didaftarkan', topic: 'employer_report' },
  { text: 'sdh 2 th kerja blm didaftarin bpjs sama bos', topic: 'employer_report' },

  // ---- village_roles ----
  { text: 'perangkat desa ditanggung pemkab gk', topic: 'village_roles' },
  { text: 'sy ketua rt bisa ikut?', topic: 'village_roles' },
  { text: 'kader posyandu dapat bpjs tk gratis?', topic: 'village_roles' },
  { text: 'anggota bpd bisa didaftarkan juga?', topic: 'village_roles' },
  { text: 'ketua rw juga dapat gk kak', topic: 'village_roles' },
  { text: 'sekdes sama kaur dapet bpjs tk gk', topic: 'village_roles' },

  // ---- pekerja_rentan ----
  { text: 'pekerja rentan itu maksudnya apa', topic: 'pekerja_rentan' },
  { text: 'sy masuk dtks, dapat bpjs tk gratis?', topic: 'pekerja_rentan' },
  { text: 'gmn caranya masuk daftar pekerja rentan', topic: 'pekerja_rentan' },
  { text: 'syarat pekerja rentan apa aja kak', topic: 'pekerja_rentan' },

  // ---- age_limit ----
  { text: 'umur 60 masih bisa daftar?', topic: 'age_limit' },
  { text: 'batas umur ikut bpjs tk brp', topic: 'age_limit' },
  { text: 'bapak sy udh 70 th bisa didaftarin gk', topic: 'age_limit' },
  { text: 'is there an age limit', topic: 'age_limit', lang: 'en' },

  // ---- foreigner ----
  { text: 'wna bisa ikut bpjs tk?', topic: 'foreigner' },
  { text: 'orang asing kerja di sini wajib ikut gk', topic: 'foreigner' },
  { text: 'can foreigners join too', topic: 'foreigner', lang: 'en' },

  // ---- already_member ----
  { text: 'sy udh punya kartu bpjs tk dr kantor lama, daftar lagi?', topic: 'already_member' },
  { text: 'dulu pernah ikut, skrg mau lanjut gmn', topic: 'already_member' },
  { text: 'udh jadi peserta, perlu daftar disini gk', topic: 'already_member' },
  { text: 'kalo udh punya kpj gk usah daftar lagi kan', topic: 'already_member' },

  // ---- how_register ----
  { text: 'gmn cara daftar bpjs tk', topic: 'how_register' },
  { text: 'permisi kak, mau tanya cara daftarnya gimana', topic: 'how_register' },
  { text: 'daftar bisa online gk kak', topic: 'how_register' },
  { text: 'harus datang ke kantor gk buat daftar', topic: 'how_register' },
  { text: 'daptar lewat hp bisa?', topic: 'how_register' },
  { text: 'how do I register', topic: 'how_register', lang: 'en' },

  // ---- documents ----
  { text: 'syarat dokumen apa aja buat daftar', topic: 'documents' },
  { text: 'perlu fotokopi ktp gk kak', topic: 'documents' },
  { text: 'kk perlu juga gk?', topic: 'documents' },
  { text: 'gk punya ktp bisa daftar?', topic: ['documents', 'nik'] },
  { text: 'what documents do I need', topic: 'documents', lang: 'en' },

  // ---- nik ----
  { text: 'nik itu yg mana kak', topic: 'nik' },
  { text: 'nik sy gk valid katanya', topic: 'nik' },
  { text: 'nik di kk sama ktp beda gmn', topic: 'nik' },
  { text: 'kenapa harus isi nik segala', topic: ['nik', 'data_use'] },

  // ---- register_other ----
  { text: 'bisa daftarin orang tua sy?', topic: 'register_other' },
  { text: 'sy mau daftarin tetangga sy kak', topic: 'register_other' },
  { text: 'daftarin istri bisa lewat nomor sy?', topic: 'register_other' },
  { text: 'sy kader mau daftarin warga banyak sekaligus', topic: 'register_other' },
  { text: 'can I register my mother', topic: 'register_other', lang: 'en' },

  // ---- after_register ----
  { text: 'habis daftar trs ngapain kak', topic: 'after_register' },
  { text: 'setelah daftar kapan aktifnya', topic: 'after_register' },
  { text: 'kartunya nanti dikirim kemana', topic: ['after_register', 'kpj'] },
  { text: 'kalo udh daftar berarti udh jd peserta?', topic: 'after_register' },

  // ---- reference_code ----
  { text: 'kode referensi itu buat apa', topic: 'reference_code' },
  { text: 'kode pendaftaran sy hilang kak', topic: 'reference_code' },
  { text: 'lupa kode dari bot kemarin gmn', topic: 'reference_code' },
  { text: 'where is my reference code', topic: 'reference_code', lang: 'en' },

  // ---- correct_data ----
  { text: 'salah ketik nama gmn benerinnya', topic: 'correct_data' },
  { text: 'tanggal lahir sy salah masuk kak', topic: 'correct_data' },
  { text: 'mau ganti nomor hp yg didaftarkan', topic: 'correct_data' },
  { text: 'alamat salah tulis bisa diubah?', topic: 'correct_data' },
  { text: 'I entered the wrong name', topic: 'correct_data', lang: 'en' },

  // ---- status_meaning ----
  { text: 'status menunggu verifikasi artinya apa', topic: 'status_meaning' },
  { text: 'statusnya ditolak kenapa ya kak', topic: 'status_meaning' },
  { text: 'diteruskan ke bpjs maksudnya apa', topic: 'status_meaning' },
  { text: 'status diproses itu udh aktif blm', topic: 'status_meaning' },

  // ---- claim_jkm ----
  { text: 'cara klaim santunan kematian gmn', topic: 'claim_jkm' },
  { text: 'bapak sy meninggal, ngurus jkm nya gmn', topic: 'claim_jkm' },
  { text: 'syarat klaim jkm apa aja kak', topic: 'claim_jkm' },
  { text: 'klaim kematian harus ke kantor mana', topic: 'claim_jkm' },

  // ---- claim_jkk ----
  { text: 'cara klaim kecelakaan kerja gmn', topic: 'claim_jkk' },
  { text: 'sy kecelakaan kerja, harus lapor kemana', topic: 'claim_jkk' },
  { text: 'berkas klaim jkk apa aja', topic: 'claim_jkk' },
  { text: 'brp lama batas lapor kecelakaan kerja', topic: 'claim_jkk' },

  // ---- claim_jht ----
  { text: 'cara cairin jht gmn kak', topic: 'claim_jht' },
  { text: 'syarat klaim jht apa aja', topic: 'claim_jht' },
  { text: 'klaim jht bisa lewat jmo?', topic: ['claim_jht', 'jmo'] },
  { text: 'how to claim my JHT', topic: 'claim_jht', lang: 'en' },

  // ---- regency_programme ----
  { text: 'program bpjs tk gratis dari kabupaten itu gmn', topic: 'regency_programme' },
  { text: 'kuota dari pemkab masih ada gk', topic: 'regency_programme' },
  { text: 'desa sy termasuk program pemkab gk', topic: 'regency_programme' },
  { text: 'pemkab tanggung program apa aja', topic: 'regency_programme' },
  { text: 'daftar program bpjs gratis pemda dimana', topic: ['regency_programme', 'how_register'] },

  // ---- dana_desa ----
  { text: 'iuran bisa pakai dana desa?', topic: 'dana_desa' },
  { text: 'add bisa buat bayar bpjs tk perangkat?', topic: 'dana_desa' },
  { text: 'kades bilang dibayar dana desa, bener gk', topic: 'dana_desa' },
  { text: 'can village funds pay for it', topic: 'dana_desa', lang: 'en' },

  // ---- privacy ----
  { text: 'data sy aman gk kak', topic: 'privacy' },
  { text: 'nik sy gk disebar kan?', topic: 'privacy' },
  { text: 'siapa aja yg bisa liat data sy', topic: 'privacy' },
  { text: 'is my data safe here', topic: 'privacy', lang: 'en' },

  // ---- data_use ----
  { text: 'data sy dipake buat apa', topic: 'data_use' },
  { text: 'kenapa minta nomor hp sama penghasilan', topic: 'data_use' },
  { text: 'data sy disimpan berapa lama', topic: 'data_use' },
  { text: 'why do you need my data', topic: 'data_use', lang: 'en' },

  // ---- kpj ----
  { text: 'nomor kpj itu apa kak', topic: 'kpj' },
  { text: 'nomor kpj sy brp digit', topic: 'kpj' },
  { text: 'cara tau nomor kpj sy', topic: 'kpj' },
  { text: 'kartu peserta bpjs tk sy hilang', topic: 'kpj' },

  // ---- jmo ----
  { text: 'aplikasi jmo itu apa', topic: 'jmo' },
  { text: 'cara login jmo gmn', topic: 'jmo' },
  { text: 'jmo gk bisa masuk terus', topic: 'jmo' },
  { text: 'download jmo dimana kak', topic: 'jmo' },

  // ---- heirs ----
  { text: 'ahli waris itu siapa aja', topic: 'heirs' },
  { text: 'ahli waris boleh adik?', topic: 'heirs' },
  { text: 'blm nikah ahli warisnya siapa', topic: 'heirs' },
  { text: 'ahli waris bisa lebih dari satu?', topic: 'heirs' },

  // ---- kesehatan ----
  { text: 'bedanya sama bpjs kesehatan apa', topic: 'kesehatan' },
  { text: 'sy udh punya kis, perlu bpjs tk jg?', topic: 'kesehatan' },
  { text: 'bpjs tk bisa buat berobat biasa gk', topic: 'kesehatan' },
  { text: 'bpjs kesehatan sama tk sama aja kan?', topic: 'kesehatan' },
  { text: 'difference between BPJS health and BPJS employment', topic: 'kesehatan', lang: 'en' },

  // ---- official ----
  { text: 'ini bot resmi bpjs?', topic: 'official' },
  { text: 'ini penipuan bukan sih', topic: 'official' },
  { text: 'ini dari pemerintah atau bukan kak', topic: 'official' },
  { text: 'kok minta nik, ini bukan scam kan', topic: ['official', 'privacy'] },
  { text: 'is this the official BPJS', topic: 'official', lang: 'en' },

  // ---- contact_office ----
  { text: 'nomor kantor bpjs tk brp kak', topic: 'contact_office' },
  { text: 'alamat kantor disnaker dimana', topic: 'contact_office' },
  { text: 'mau ngobrol sama petugas bisa?', topic: 'contact_office' },
  { text: 'call center bpjs tk brp', topic: 'contact_office' },
  { text: 'how can I contact an officer', topic: 'contact_office', lang: 'en' },

  // ---- bot_capabilities ----
  { text: 'bot ini bisa bantu apa aja', topic: 'bot_capabilities' },
  { text: 'menu nya apa aja kak', topic: 'bot_capabilities' },
  { text: 'bisa tanya apa aja disini', topic: 'bot_capabilities' },
  { text: 'what can you do', topic: 'bot_capabilities', lang: 'en' },

  // ---- compare_programmes ----
  { text: 'bedanya jkk sama jkm apa', topic: 'compare_programmes' },
  { text: 'jht sama jp beda nya apa', topic: 'compare_programmes' },
  { text: 'mending ambil jkk jkm aja atau sama jht', topic: ['compare_programmes', 'jht_optional'] },
  { text: 'program bpjs tk ada apa aja kak', topic: ['compare_programmes', 'bpu_benefits', 'what_is_bpjstk'] },

  // ---- waiting_periods ----
  { text: 'baru daftar bisa langsung klaim?', topic: 'waiting_periods' },
  { text: 'minimal brp lama jadi peserta baru bisa klaim', topic: 'waiting_periods' },
  { text: 'beasiswa harus ikut brp tahun dulu', topic: ['waiting_periods', 'jkm_scholarship'] },
  { text: 'masa tunggu klaim brp lama kak', topic: 'waiting_periods' },
  { text: 'how long before I can claim', topic: 'waiting_periods', lang: 'en' },

  // ---- out_of_scope ----
  { text: 'bpjs kesehatan sy nunggak gmn bayarnya', topic: 'out_of_scope' },
  { text: 'cara pindah faskes bpjs kesehatan', topic: 'out_of_scope' },
  { text: 'kartu kis sy gk aktif kenapa', topic: 'out_of_scope' },
  { text: 'iuran bpjs kesehatan kelas 3 brp', topic: 'out_of_scope' },
  { text: 'cara daftar bpjs kesehatan mandiri', topic: 'out_of_scope' },
  { text: 'rujukan rumah sakit bpjs kesehatan gmn', topic: 'out_of_scope' },
  { text: 'bansos pkh kapan cair kak', topic: 'out_of_scope' },
  { text: 'blt dana desa bulan ini ada gk', topic: 'out_of_scope' },
  { text: 'cara daftar bansos sembako gmn', topic: 'out_of_scope' },
  { text: 'bantuan bedah rumah daftar dimana', topic: 'out_of_scope' },
  { text: 'mau pinjam uang buat modal bisa?', topic: 'out_of_scope' },
  { text: 'kur bri syaratnya apa aja', topic: 'out_of_scope' },
  { text: 'pinjol yg aman apa ya kak', topic: 'out_of_scope' },
  { text: 'ada lowongan kerja gk kak', topic: 'out_of_scope' },
  { text: 'info loker pabrik dong kak', topic: 'out_of_scope' },
  { text: 'lowongan jadi tki ke malaysia ada?', topic: 'out_of_scope' },
  { text: 'kartu prakerja gelombang brp skrg', topic: 'out_of_scope' },
  { text: 'cara daftar prakerja lewat hp', topic: 'out_of_scope' },
  { text: 'cara bikin npwp online gmn', topic: 'out_of_scope' },
  { text: 'lapor spt tahunan gmn caranya', topic: 'out_of_scope' },
  { text: 'pbb rumah bayar dimana kak', topic: 'out_of_scope' },
  { text: 'ktp sy hilang ngurusnya gmn', topic: 'out_of_scope' },
  { text: 'ganti kk krn pindah alamat gmn', topic: 'out_of_scope' },
  { text: 'sim motor mati cara perpanjang gmn', topic: 'out_of_scope' },
  { text: 'harga beras hari ini brp', topic: 'out_of_scope' },
  { text: 'harga pupuk subsidi skrg brp', topic: 'out_of_scope' },
  { text: 'harga emas hari ini naik gk', topic: 'out_of_scope' },
  { text: 'besok hujan gk ya di sini', topic: 'out_of_scope' },
  { text: 'jadwal sholat jumat jam brp', topic: 'out_of_scope' },
  { text: 'doa sebelum makan apa kak', topic: 'out_of_scope' },
  { text: 'kapan lebaran tahun ini kak', topic: 'out_of_scope' },
  { text: 'skor bola semalam brp', topic: 'out_of_scope' },
  { text: 'timnas main lagi kapan', topic: 'out_of_scope' },
  { text: 'asuransi jiwa swasta yg bagus apa', topic: 'out_of_scope' },
  { text: 'premi asuransi mobil brp setahun', topic: 'out_of_scope' },
  { text: 'minta pulsa gratis dong kak', topic: 'out_of_scope' },
  { text: 'resep rendang yg enak gmn', topic: 'out_of_scope' },
  { text: 'cara bikin akun facebook baru', topic: 'out_of_scope' },
  { text: 'umr kabupaten ini brp skrg', topic: 'out_of_scope' },
  { text: 'bantuan bibit buat petani dari mana', topic: 'out_of_scope' },
  { text: 'pendaftaran pppk kapan dibuka', topic: 'out_of_scope' },
  { text: 'info beasiswa kip kuliah ada gk kak', topic: 'out_of_scope' },
  { text: 'cara buka rekening bank lewat hp', topic: 'out_of_scope' },
  { text: 'kartu bpjs kesehatan anak sy hilang', topic: 'out_of_scope' },
  { text: 'bansos bpnt bulan ini udh cair blm', topic: 'out_of_scope' },
  { text: 'cara ngajuin kredit motor gmn kak', topic: 'out_of_scope' },
  { text: 'tarif listrik naik gk bulan depan', topic: 'out_of_scope' },
  { text: 'zakat fitrah tahun ini brp kak', topic: 'out_of_scope' },
  { text: 'ada kerjaan sampingan gk kak', topic: 'out_of_scope' },
  { text: "what's the weather tomorrow", topic: 'out_of_scope', lang: 'en' },
  { text: 'how do I apply for a job', topic: 'out_of_scope', lang: 'en' },
  { text: 'where can I get a loan', topic: 'out_of_scope', lang: 'en' },
  { text: 'how to renew my ID card', topic: 'out_of_scope', lang: 'en' },
  { text: 'who won the football last night', topic: 'out_of_scope', lang: 'en' },
  { text: 'can you recommend private life insurance', topic: 'out_of_scope', lang: 'en' },

  // ---- null (vague) ----
  { text: 'kak mau tanya dong', topic: null },
  { text: 'terus gimana itu kak', topic: null },
  { text: 'yg kemarin itu gmn kak', topic: null },
  { text: 'bisa gk ya kak?', topic: null },
  { text: 'sy masih bingung kak', topic: null },
  { text: 'tolong dibantu ya kak', topic: null },
  { text: 'kalo yg itu brp kak', topic: null },
  { text: 'maksudnya gimana sih kak', topic: null },
  { text: 'yg td gmn kak', topic: null },
  { text: 'iya kak sy juga', topic: null },
  { text: 'hmm gitu ya kak', topic: null },
  { text: 'test test masuk gk', topic: null },
  { text: 'ada info terbaru gk', topic: null },
  { text: 'kok gitu sih kak', topic: null },
  { text: 'what do you mean', topic: null, lang: 'en' },
  { text: 'ok then, what next', topic: null, lang: 'en' },

  // ---- mid-flow (step) ----
  { text: 'penghasilan kotor atau bersih?', topic: 'income_declare', step: 'calculator.income' },
  { text: 'kalo penghasilan tiap bulan beda2 gmn', topic: 'income_declare', step: 'calculator.income' },
  { text: 'kenapa ditanya penghasilan segala', topic: ['data_use', 'income_declare'], step: 'calculator.income' },
  { text: 'oke trs cara daftarnya gmn', topic: ['how_register', 'want_register'], step: 'calculator.after' },
  { text: 'bayarnya dmn kalo gitu', topic: 'pay_how', step: 'calculator.after' },
  { text: 'itu bisa dibayarin pemkab gk', topic: 'free_contribution', step: 'calculator.after' },
  { text: 'kalo ojol jadi setengah kan?', topic: 'discount', step: 'calculator.after' },
  { text: 'sy kerja serabutan masuk yg mana', topic: ['own_account', 'who_can_join'], step: 'eligibility.work' },
  { text: 'kalo ibu rumah tangga pilih apa', topic: 'who_can_join', step: 'eligibility.work' },
  { text: 'sy ketua rt, termasuk pekerja apa', topic: 'village_roles', step: 'eligibility.work' },
  { text: 'umur 66 masih bisa kan', topic: 'age_limit', step: 'eligibility.age' },
  { text: 'kalo udh pensiun masih bisa ikut?', topic: ['age_limit', 'who_can_join'], step: 'eligibility.age' },
  { text: 'nama sesuai ktp atau nama panggilan?', topic: 'documents', step: 'registration.fullName' },
  { text: 'ini buat daftarin ibu sy, nama siapa yg ditulis', topic: 'register_other', step: 'registration.fullName' },
  { text: 'ini bot resmi kan kak?', topic: 'official', step: 'registration.fullName' },
  { text: 'nik itu yg di ktp kan?', topic: 'nik', step: 'registration.nik' },
  { text: 'nik sy gk hafal, liat di kk boleh', topic: 'nik', step: 'registration.nik' },
  { text: 'aman gk ngasih nik disini', topic: ['privacy', 'official'], step: 'registration.nik' },
  { text: 'blm punya ktp gmn dong', topic: ['documents', 'nik'], step: 'registration.nik' },
  { text: 'bentar sy cari ktp dulu', topic: null, step: 'registration.nik' },
  { text: 'why do you need my NIK', topic: ['nik', 'data_use'], lang: 'en', step: 'registration.nik' },
  { text: 'tanggal lahir di ktp salah, pake yg mana', topic: 'correct_data', step: 'registration.birthDate' },
  { text: 'bapak sy umur 68, gpp kan?', topic: 'age_limit', step: 'registration.birthDate' },
  { text: 'alamat sy beda kabupaten bisa ikut program?', topic: 'regency_programme', step: 'registration.address' },
  { text: 'desa sy dapat kuota gk kak', topic: 'regency_programme', step: 'registration.address' },
  { text: 'sy jualan sayur keliling nulisnya apa', topic: 'own_account', step: 'registration.occupation' },
  { text: 'kerja di pabrik tapi mau daftar sendiri bisa', topic: 'wage_worker', step: 'registration.occupation' },
  { text: 'penghasilan gak tentu gmn ngisinya', topic: 'income_declare', step: 'registration.income' },
  { text: 'kalo nulis 1 juta iurannya brp', topic: 'bpu_contribution', step: 'registration.income' },
  { text: 'ahli waris harus keluarga ya?', topic: 'heirs', step: 'registration.heirName' },
  { text: 'boleh anak yg masih kecil?', topic: 'heirs', step: 'registration.heirName' },
  { text: 'kalo blm nikah tulis siapa', topic: 'heirs', step: 'registration.heirRelation' },
  { text: 'ponakan bisa jadi ahli waris?', topic: 'heirs', step: 'registration.heirRelation' },
  { text: 'nomor hp ini buat apa nanti?', topic: 'data_use', step: 'registration.phone' },
  { text: 'nanti ditelpon petugas gk', topic: 'after_register', step: 'registration.phone' },
  { text: 'btw bpjs kesehatan sy mati gmn', topic: 'out_of_scope', step: 'registration.phone' },
];

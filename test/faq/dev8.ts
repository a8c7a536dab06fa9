// Development question set 8: weighted towards MID-FLOW messages (questions typed while the bot is
// waiting for an answer at a given step), plus first messages, out-of-scope and noise.
// Written from domain knowledge only (shared/DOMAIN.md), not from the bot's own texts.
// Kinds: ~40% mid-flow (with `step`), ~45% first messages, ~10% out_of_scope, ~5% null; ~10% English.

import type { LabelledMessage } from './labelled-types.js';

export const DEV8: LabelledMessage[] = [
  // ───────────────────────── MID-FLOW: registration.fullName ─────────────────────────
  { text: 'nama panggilan boleh ga? di kampung semua manggil sy pake nama panggilan', topic: 'documents', step: 'registration.fullName' },
  { text: 'pakai gelar haji nya ga?', topic: 'documents', step: 'registration.fullName' },
  { text: 'nama di ktp saya salah ketik satu huruf, tulis yg bener atau yg di ktp?', topic: 'documents', step: 'registration.fullName' },
  { text: 'kenapa harus nama lengkap sih', topic: 'data_use', step: 'registration.fullName' },
  { text: 'nama saya cuma satu kata, ga ada nama belakang. gmn', topic: 'documents', step: 'registration.fullName' },
  { text: 'ini nama saya atau nama suami? saya lagi daftarin suami', topic: 'register_other', step: 'registration.fullName' },
  { text: 'eh tadi sy salah ketik namanya, bisa diulang ga', topic: 'correct_data', step: 'registration.fullName' },
  { text: 'Should I write my name exactly as it is on my ID card?', topic: 'documents', lang: 'en', step: 'registration.fullName' },
  { text: 'ejaan nama di KK sama di KTP beda, ikut yg mana min', topic: 'documents', step: 'registration.fullName' },
  { text: 'aman kah kasih nama lengkap ke bot ini? ini resmi dari bpjs bukan?', topic: ['official', 'privacy'], step: 'registration.fullName' },
  { text: 'Mohon maaf, apakah nama perlu ditulis dengan gelar akademik (S.Pd) atau tidak?', topic: 'documents', step: 'registration.fullName' },

  // ───────────────────────── MID-FLOW: registration.nik ─────────────────────────
  { text: 'buat apa NIK saya diminta?', topic: 'data_use', step: 'registration.nik' },
  { text: 'aman gak sih ngasih nik disini, takut disalahgunain', topic: 'privacy', step: 'registration.nik' },
  { text: 'nik itu yg nomor mana ya, di ktp banyak angka', topic: 'nik', step: 'registration.nik' },
  { text: 'boleh pake nomor KK aja? ktp lg ga ada di rumah', topic: 'nik', step: 'registration.nik' },
  { text: 'ktp saya hilang, belum sempat bikin lagi', topic: ['nik', 'documents'], step: 'registration.nik' },
  { text: 'kok katanya NIK tidak valid, padahal udh sy salin dr ktp', topic: 'nik', step: 'registration.nik' },
  { text: 'sy mau isi nik tetangga sy, dia ga punya hp', topic: 'register_other', step: 'registration.nik' },
  { text: 'nik saya kok cuma 15 angka, kurang satu?', topic: 'nik', step: 'registration.nik' },
  { text: 'Why do you need my NIK? Will it be shared with anyone?', topic: ['data_use', 'privacy'], lang: 'en', step: 'registration.nik' },
  { text: 'ktp sy masih dari kabupaten lain, nik nya harus ganti ga kalo pindah', topic: 'nik', step: 'registration.nik' },
  { text: 'ntar nik sy disebar ke pinjol ga? udh trauma', topic: 'privacy', step: 'registration.nik' },

  // ───────────────────────── MID-FLOW: registration.birthDate ─────────────────────────
  { text: 'tgl lahir buat apa?', topic: 'data_use', step: 'registration.birthDate' },
  { text: 'tanggal lahir di ktp saya salah, aslinya bukan itu. tulis yg mana', topic: 'documents', step: 'registration.birthDate' },
  { text: 'tgl lahir sy beda sama angka yg di nik, masalah ga?', topic: 'nik', step: 'registration.birthDate' },
  { text: 'format nya gmn, pake garis miring atau strip?', topic: 'documents', step: 'registration.birthDate' },
  { text: 'saya lupa tanggal pastinya, cuma ingat tahunnya aja', topic: 'documents', step: 'registration.birthDate' },
  { text: 'umur saya udah 60 lebih, masih bisa ikut?', topic: 'age_limit', step: 'registration.birthDate' },
  { text: 'botnya bilang tanggal ga cocok sama nik, gmn nih', topic: 'nik', step: 'registration.birthDate' },
  { text: 'kalau tgl lahirnya salah input nanti bisa dibenerin?', topic: 'correct_data', step: 'registration.birthDate' },
  { text: 'The birth date on my KTP is wrong. Which one should I enter?', topic: 'documents', lang: 'en', step: 'registration.birthDate' },
  { text: 'di ktp orang sini kebanyakan tgl 1 juli, itu asal diisi dulu. tulis itu aja?', topic: 'documents', step: 'registration.birthDate' },
  { text: 'kenapa di nik sy tanggalnya ditambah 40? sy perempuan', topic: 'nik', step: 'registration.birthDate' },
  { text: 'tahun lahirnya pake 4 angka atau 2 angka?', topic: 'documents', step: 'registration.birthDate' },

  // ───────────────────────── MID-FLOW: registration.address ─────────────────────────
  { text: 'alamat ktp atau alamat tinggal skrg?', topic: 'documents', step: 'registration.address' },
  { text: 'ktp sy kab lain tp kerja & tinggal di sini, bisa ikut program pemkab sini?', topic: 'regency_programme', step: 'registration.address' },
  { text: 'saya ngontrak pindah2, ga punya alamat tetap', topic: 'documents', step: 'registration.address' },
  { text: 'rt rw nya perlu ditulis juga?', topic: 'documents', step: 'registration.address' },
  { text: 'alamat buat apa? nanti ada yg dateng ke rumah?', topic: 'data_use', step: 'registration.address' },
  { text: 'desa kami baru pemekaran, namanya belum ada di ktp', topic: 'documents', step: 'registration.address' },
  { text: 'sy lebih banyak tinggal di perahu, alamatnya tulis apa', topic: 'documents', step: 'registration.address' },
  { text: 'kalau nanti pindah rumah gimana, harus lapor lagi?', topic: 'correct_data', step: 'registration.address' },
  { text: 'I live in a different regency from the address on my KTP. Which one do I use?', topic: ['documents', 'regency_programme'], lang: 'en', step: 'registration.address' },
  { text: 'harus sampe nomor rumah? di kampung ga ada nomor rumah', topic: 'documents', step: 'registration.address' },
  { text: 'kecamatan sama desa harus ditulis dua2nya?', topic: 'documents', step: 'registration.address' },
  { text: 'alamat ini buat ngecek sy masuk wilayah program pemkab ya?', topic: ['data_use', 'regency_programme'], step: 'registration.address' },

  // ───────────────────────── MID-FLOW: registration.phone ─────────────────────────
  { text: 'sy ga punya hp sendiri', topic: ['register_other', 'documents'], step: 'registration.phone' },
  { text: 'pakai nomor anak boleh?', topic: 'documents', step: 'registration.phone' },
  { text: 'nanti saya ditelpon ga? saya di sawah seharian ga pegang hp', topic: 'data_use', step: 'registration.phone' },
  { text: 'nomor hp bisa diganti nanti kalo sy ganti kartu?', topic: 'correct_data', step: 'registration.phone' },
  { text: 'nomornya yg lagi dipake chat ini aja kan?', topic: 'documents', step: 'registration.phone' },
  { text: 'no wa sama no telpon sy beda, tulis yg mana', topic: 'documents', step: 'registration.phone' },
  { text: 'nomor sy nanti dipake buat sms promosi ga?', topic: ['data_use', 'privacy'], step: 'registration.phone' },
  { text: "Can I use my daughter's phone number?", topic: 'documents', lang: 'en', step: 'registration.phone' },
  { text: 'nomor bu kader boleh dipake? sy dibantu kader daftarnya', topic: 'register_other', step: 'registration.phone' },
  { text: 'kenapa harus nomor hp segala?', topic: 'data_use', step: 'registration.phone' },
  { text: 'nomor hp suami aja ya, dia yg pegang hp di rumah', topic: 'documents', step: 'registration.phone' },

  // ───────────────────────── MID-FLOW: registration.occupation ─────────────────────────
  { text: 'sy petani tp kalo kemarau jadi kuli bangunan, tulis apa', topic: 'own_account', step: 'registration.occupation' },
  { text: 'ojol masuk kategori apa?', topic: 'own_account', step: 'registration.occupation' },
  { text: 'pekerjaan saya ga ada di pilihan, saya tukang pijat keliling', topic: 'who_can_join', step: 'registration.occupation' },
  { text: 'ibu rumah tangga bisa? ga kerja di luar', topic: 'who_can_join', step: 'registration.occupation' },
  { text: 'sy nelayan musiman, cuma melaut bbrp bulan setahun', topic: 'own_account', step: 'registration.occupation' },
  { text: 'sy honorer di kantor desa, pilih yg mana', topic: 'village_roles', step: 'registration.occupation' },
  { text: 'kerja di toko tapi ga dikasih bpjs sama bos, isi apa', topic: ['wage_worker', 'employer_report'], step: 'registration.occupation' },
  { text: 'buruh tani harian lepas itu termasuk bpu bukan?', topic: 'own_account', step: 'registration.occupation' },
  { text: 'I sell food online and also drive for an app. Which one should I pick?', topic: 'own_account', lang: 'en', step: 'registration.occupation' },
  { text: 'kenapa pekerjaan ditanya? ngaruh ke iuran?', topic: 'data_use', step: 'registration.occupation' },
  { text: 'sy kader posyandu, itu dihitung pekerjaan bukan?', topic: 'village_roles', step: 'registration.occupation' },

  // ───────────────────────── MID-FLOW: registration.income ─────────────────────────
  { text: 'penghasilan kotor atau bersih?', topic: 'income_declare', step: 'registration.income' },
  { text: 'ga tentu, kadang 500rb kadang 2 juta', topic: 'income_declare', step: 'registration.income' },
  { text: 'sehari dapet 70 ribu, sebulan brarti brp?', topic: 'income_declare', step: 'registration.income' },
  { text: 'kalo sy tulis kecil aja biar iurannya murah boleh?', topic: 'income_declare', step: 'registration.income' },
  { text: 'kalau nulis penghasilan besar apa untungnya', topic: ['income_declare', 'jkk'], step: 'registration.income' },
  { text: 'penghasilan per bulan atau per tahun ini?', topic: 'income_declare', step: 'registration.income' },
  { text: 'penghasilan sy di bawah 1 juta, gmn', topic: 'income_declare', step: 'registration.income' },
  { text: 'ini nanti dilapor ke kantor pajak ga?', topic: ['data_use', 'privacy'], step: 'registration.income' },
  { text: 'What should I put if my income changes every month?', topic: 'income_declare', lang: 'en', step: 'registration.income' },
  { text: 'penghasilan sy sama suami digabung atau sendiri2?', topic: 'income_declare', step: 'registration.income' },
  { text: 'kalo penghasilan 3 juta nanti iuran sy jadi berapa?', topic: ['bpu_contribution', 'income_declare'], step: 'registration.income' },

  // ───────────────────────── MID-FLOW: registration.heirName ─────────────────────────
  { text: 'ahli waris itu siapa aja yg boleh?', topic: 'heirs', step: 'registration.heirName' },
  { text: 'sy belum nikah, ahli warisnya siapa dong', topic: 'heirs', step: 'registration.heirName' },
  { text: 'boleh nulis nama ibu saya?', topic: 'heirs', step: 'registration.heirName' },
  { text: 'sy udah cerai, anak ikut mantan. tulis siapa', topic: 'heirs', step: 'registration.heirName' },
  { text: 'ahli waris harus tau ga kalo saya daftarin namanya? perlu persetujuan dia?', topic: 'heirs', step: 'registration.heirName' },
  { text: 'boleh adik saya? ortu udah meninggal dua2nya', topic: 'heirs', step: 'registration.heirName' },
  { text: 'boleh ponakan? sy ga punya anak', topic: 'heirs', step: 'registration.heirName' },
  { text: 'ahli waris itu buat apa sih', topic: ['heirs', 'data_use'], step: 'registration.heirName' },
  { text: 'Can I name two heirs?', topic: 'heirs', lang: 'en', step: 'registration.heirName' },
  { text: 'ahli warisnya nanti bisa diganti ga', topic: ['heirs', 'correct_data'], step: 'registration.heirName' },
  { text: 'nama ahli waris harus sesuai ktp juga?', topic: ['heirs', 'documents'], step: 'registration.heirName' },

  // ───────────────────────── MID-FLOW: registration.heirRelation ─────────────────────────
  { text: 'istri siri bisa jadi ahli waris?', topic: 'heirs', step: 'registration.heirRelation' },
  { text: 'anak angkat masuk ga', topic: 'heirs', step: 'registration.heirRelation' },
  { text: 'tulis "anak" aja atau "anak kandung"?', topic: 'heirs', step: 'registration.heirRelation' },
  { text: 'mantan suami masih bisa jadi ahli waris?', topic: 'heirs', step: 'registration.heirRelation' },
  { text: 'ponakan itu hubungannya ditulis apa ya', topic: 'heirs', step: 'registration.heirRelation' },
  { text: 'kalo sy meninggal berapa yg didapat ahli waris?', topic: ['jkm', 'claim_jkm'], step: 'registration.heirRelation' },
  { text: 'anak sy masih kecil, nanti yg urus klaimnya siapa', topic: 'claim_jkm', step: 'registration.heirRelation' },
  { text: "She's my partner but we're not married. What relationship counts?", topic: 'heirs', lang: 'en', step: 'registration.heirRelation' },
  { text: 'mertua boleh?', topic: 'heirs', step: 'registration.heirRelation' },
  { text: 'saudara sepupu bisa ga min', topic: 'heirs', step: 'registration.heirRelation' },
  { text: 'anak tiri termasuk ga?', topic: 'heirs', step: 'registration.heirRelation' },

  // ───────────────────────── MID-FLOW: calculator.income ─────────────────────────
  { text: 'itu nanti yg bayar siapa? saya atau pemda?', topic: 'free_contribution', step: 'calculator.income' },
  { text: 'pake jht ga? bedanya apa', topic: 'jht_optional', step: 'calculator.income' },
  { text: 'penghasilan ga tetap, isi rata2 aja?', topic: 'income_declare', step: 'calculator.income' },
  { text: 'harian 100rb, masukinnya sebulan atau sehari?', topic: 'income_declare', step: 'calculator.income' },
  { text: 'paling murah brp iurannya?', topic: 'bpu_contribution', step: 'calculator.income' },
  { text: 'ada potongan ga buat tukang ojek?', topic: 'discount', step: 'calculator.income' },
  { text: 'kotor apa bersih nih', topic: 'income_declare', step: 'calculator.income' },
  { text: 'How much would it be if I earn 2 million a month?', topic: ['bpu_contribution', 'income_declare'], lang: 'en', step: 'calculator.income' },
  { text: 'kalo di bawah sejuta gimana ngitungnya', topic: 'income_declare', step: 'calculator.income' },
  { text: 'iuran jkm nya sendiri berapa?', topic: 'contribution_jkm', step: 'calculator.income' },
  { text: 'kalau pemda yg bayar, penghasilan tetep hrs diisi?', topic: ['free_contribution', 'income_declare'], step: 'calculator.income' },

  // ───────────────────────── MID-FLOW: calculator.after ─────────────────────────
  { text: 'bayarnya lewat mana? bisa di indomaret?', topic: 'pay_how', step: 'calculator.after' },
  { text: 'kalo sy berhenti bayar gmn, hangus?', topic: 'inactive', step: 'calculator.after' },
  { text: 'bisa dibayarin pemkab ga ini?', topic: 'free_contribution', step: 'calculator.after' },
  { text: 'katanya ada diskon 50% ya?', topic: 'discount', step: 'calculator.after' },
  { text: 'tanpa jht brp? pake jht brp?', topic: 'jht_optional', step: 'calculator.after' },
  { text: 'bayar bulanan atau bisa setahun sekalian?', topic: 'pay_how', step: 'calculator.after' },
  { text: 'telat bayar 2 bulan kena denda?', topic: 'inactive', step: 'calculator.after' },
  { text: 'yg 1% itu buat apa', topic: 'contribution_jkk', step: 'calculator.after' },
  { text: 'So this is per month? What happens if I miss a payment?', topic: 'inactive', lang: 'en', step: 'calculator.after' },
  { text: 'oke sy mau daftar skrg', topic: 'want_register', step: 'calculator.after' },
  { text: 'jht nya nanti bisa diambil kapan?', topic: 'jht', step: 'calculator.after' },

  // ───────────────────────── MID-FLOW: eligibility.work ─────────────────────────
  { text: 'sy perangkat desa, masuk yg mana?', topic: 'village_roles', step: 'eligibility.work' },
  { text: 'kerja di pabrik, bisa daftar sendiri?', topic: 'wage_worker', step: 'eligibility.work' },
  { text: 'pelajar atau mahasiswa bisa ikut?', topic: 'who_can_join', step: 'eligibility.work' },
  { text: 'sy pensiunan pns, skrg berkebun', topic: ['own_account', 'age_limit'], step: 'eligibility.work' },
  { text: 'pedagang keliling termasuk pekerja informal kan?', topic: 'own_account', step: 'eligibility.work' },
  { text: 'ketua RT bisa ditanggung pemkab?', topic: ['village_roles', 'free_contribution'], step: 'eligibility.work' },
  { text: 'lagi ga kerja, nganggur. bisa?', topic: 'who_can_join', step: 'eligibility.work' },
  { text: "I'm a freelance designer working from home. Does that count?", topic: 'own_account', lang: 'en', step: 'eligibility.work' },
  { text: 'kerja di warung sodara, digaji tp ga ada kontrak', topic: 'wage_worker', step: 'eligibility.work' },
  { text: 'buruh serabutan, ga mampu, masuk pekerja rentan?', topic: 'pekerja_rentan', step: 'eligibility.work' },
  { text: 'sy WNA tp kerja di sini udah setahun', topic: 'foreigner', step: 'eligibility.work' },

  // ───────────────────────── MID-FLOW: eligibility.age ─────────────────────────
  { text: 'umur 67 masih bisa daftar?', topic: 'age_limit', step: 'eligibility.age' },
  { text: 'saya udah pensiun', topic: 'age_limit', step: 'eligibility.age' },
  { text: 'anak sy 16 thn bantu2 di kebun, bisa didaftarin?', topic: 'age_limit', step: 'eligibility.age' },
  { text: 'batas umurnya brp?', topic: 'age_limit', step: 'eligibility.age' },
  { text: 'kenapa umur ditanya?', topic: ['data_use', 'age_limit'], step: 'eligibility.age' },
  { text: 'sy mahasiswa 20 thn kerja part time', topic: 'who_can_join', step: 'eligibility.age' },
  { text: 'udah 55, jht nya nanti bisa cair kapan', topic: 'jht', step: 'eligibility.age' },
  { text: 'Is there an upper age limit?', topic: 'age_limit', lang: 'en', step: 'eligibility.age' },
  { text: 'kalo udah tua dan ga kerja lagi gmn', topic: 'age_limit', step: 'eligibility.age' },
  { text: 'umur 58 masih dapet JP?', topic: 'jp', step: 'eligibility.age' },
  { text: 'umur 17 blm punya ktp, bisa daftar?', topic: ['age_limit', 'nik'], step: 'eligibility.age' },

  // ───────────────────────── FIRST MESSAGES ─────────────────────────
  // greeting
  { text: 'halo', topic: 'greeting' },
  { text: 'Assalamualaikum min', topic: 'greeting' },
  { text: 'hi there', topic: 'greeting', lang: 'en' },
  // thanks
  { text: 'makasih ya min', topic: 'thanks' },
  { text: 'oke terimakasih banyak infonya 🙏', topic: 'thanks' },
  { text: 'Thanks, that helps a lot', topic: 'thanks', lang: 'en' },
  // want_register
  { text: 'mau daftar bpjs tk', topic: 'want_register' },
  { text: 'sy mau ikut bpjs ketenagakerjaan', topic: 'want_register' },
  { text: 'daftarin saya dong', topic: 'want_register' },
  // check_status
  { text: 'pendaftaran saya kemarin sudah diproses belum?', topic: 'check_status' },
  { text: 'cek status daftar', topic: 'check_status' },
  { text: 'I registered last week, is there any update?', topic: 'check_status', lang: 'en' },
  // delete_my_data
  { text: 'tolong hapus data saya', topic: 'delete_my_data' },
  { text: 'sy ga jadi daftar, datanya dihapus aja', topic: 'delete_my_data' },
  { text: 'Please delete all my data', topic: 'delete_my_data', lang: 'en' },
  // what_is_bpjstk
  { text: 'bpjs ketenagakerjaan itu apa sih', topic: 'what_is_bpjstk' },
  { text: 'apa itu bpjamsostek', topic: 'what_is_bpjstk' },
  { text: 'What is BPJS Ketenagakerjaan?', topic: 'what_is_bpjstk', lang: 'en' },
  // bpu_benefits
  { text: 'kalau ikut dapat apa aja?', topic: 'bpu_benefits' },
  { text: 'manfaatnya buat petani apa', topic: 'bpu_benefits' },
  { text: 'Selamat siang, apa saja keuntungan ikut BPJS Ketenagakerjaan bagi pedagang kecil?', topic: 'bpu_benefits' },
  // jkk
  { text: 'kalau kecelakaan pas kerja ditanggung?', topic: 'jkk' },
  { text: 'jatoh dr motor pas narik ojek dicover ga', topic: 'jkk' },
  { text: 'brp lama dibayar kalo ga bisa kerja gara2 kecelakaan kerja', topic: 'jkk' },
  // jkm
  { text: 'kalau meninggal biasa bukan kecelakaan dapat apa', topic: 'jkm' },
  { text: 'santunan kematian brp', topic: 'jkm' },
  { text: 'jkm itu apa', topic: 'jkm' },
  // jkm_scholarship
  { text: 'ada beasiswa anak ga?', topic: 'jkm_scholarship' },
  { text: 'beasiswa anak sampe kuliah?', topic: 'jkm_scholarship' },
  { text: 'Is there a scholarship for my kids if I die?', topic: 'jkm_scholarship', lang: 'en' },
  // jht
  { text: 'jht itu apa', topic: 'jht' },
  { text: 'tabungan hari tua bisa diambil kapan', topic: 'jht' },
  { text: 'jht bisa cair kalau berhenti kerja?', topic: 'jht' },
  // jht_partial
  { text: 'jht bisa diambil 10% ga?', topic: 'jht_partial' },
  { text: 'mau ambil jht 30% buat beli rumah', topic: 'jht_partial' },
  { text: 'Can I withdraw part of my JHT?', topic: 'jht_partial', lang: 'en' },
  // jp
  { text: 'petani bisa ikut jaminan pensiun?', topic: 'jp' },
  { text: 'jp itu apa, dapat pensiun bulanan?', topic: 'jp' },
  { text: 'umur brp pensiun jp skrg', topic: 'jp' },
  // jkp
  { text: 'jkp itu apa', topic: 'jkp' },
  { text: 'kena phk dapet uang dari bpjs?', topic: 'jkp' },
  { text: 'jaminan kehilangan pekerjaan dibayar brp bulan', topic: 'jkp' },
  // bpu_contribution
  { text: 'brp iurannya sebulan', topic: 'bpu_contribution' },
  { text: 'iuran bpu berapa', topic: 'bpu_contribution' },
  { text: 'How much does it cost per month?', topic: 'bpu_contribution', lang: 'en' },
  // contribution_jkk
  { text: 'iuran jkk brp persen', topic: 'contribution_jkk' },
  { text: 'jkk bayarnya berapa', topic: 'contribution_jkk' },
  { text: '1 persen dari apa itu iuran jkk', topic: 'contribution_jkk' },
  // contribution_jkm
  { text: 'iuran jkm berapa', topic: 'contribution_jkm' },
  { text: 'jkm 6800 itu tetap?', topic: 'contribution_jkm' },
  { text: 'iuran jkm sama buat semua orang?', topic: 'contribution_jkm' },
  // income_declare
  { text: 'penghasilan yg dilapor harus sesuai slip gaji? sy ga punya slip', topic: 'income_declare' },
  { text: 'kalau penghasilan musiman gimana lapornya', topic: 'income_declare' },
  // jht_optional
  { text: 'jht wajib ga buat bpu?', topic: 'jht_optional' },
  { text: 'boleh ambil jkk jkm aja tanpa jht?', topic: 'jht_optional' },
  { text: 'Is JHT optional?', topic: 'jht_optional', lang: 'en' },
  // discount
  { text: 'ada potongan iuran tahun 2026?', topic: 'discount' },
  { text: 'ojol iurannya jadi 8400 ya?', topic: 'discount' },
  { text: 'diskon iuran PP 50 itu gimana', topic: 'discount' },
  // wage_contribution
  { text: 'karyawan iurannya dipotong gaji brp persen', topic: 'wage_contribution' },
  { text: 'potongan jht 2% di slip gaji itu apa', topic: 'wage_contribution' },
  { text: 'How much does my employer pay for BPJS?', topic: 'wage_contribution', lang: 'en' },
  // free_contribution
  { text: 'gratis ga?', topic: 'free_contribution' },
  { text: 'katanya dibayarin pemda ya?', topic: 'free_contribution' },
  { text: 'siapa yg bayar iurannya', topic: 'free_contribution' },
  // pay_how
  { text: 'bayar iuran lewat apa', topic: 'pay_how' },
  { text: 'bisa bayar di kantor pos?', topic: 'pay_how' },
  { text: 'bayar pake dana atau ovo bisa?', topic: 'pay_how' },
  // inactive
  { text: 'sy udah 6 bulan ga bayar, masih aktif?', topic: 'inactive' },
  { text: 'nunggak iuran gmn', topic: 'inactive' },
  { text: 'kalau telat bayar terus kecelakaan ditanggung ga', topic: 'inactive' },
  // who_can_join
  { text: 'siapa aja yg bisa ikut', topic: 'who_can_join' },
  { text: 'ibu rumah tangga bisa daftar?', topic: 'who_can_join' },
  { text: 'Who can join?', topic: 'who_can_join', lang: 'en' },
  // own_account
  { text: 'nelayan bisa ikut?', topic: 'own_account' },
  { text: 'sy tukang ojek pangkalan bisa daptar sendiri?', topic: 'own_account' },
  { text: 'pedagang sayur di pasar bisa ikut ga', topic: 'own_account' },
  // wage_worker
  { text: 'sy karyawan toko, daftar sendiri bisa?', topic: 'wage_worker' },
  { text: 'kerja di kebun sawit perusahaan, daftarnya gmn', topic: 'wage_worker' },
  { text: 'I work for a company. Can I register myself?', topic: 'wage_worker', lang: 'en' },
  // employer_report
  { text: 'bos sy ga daftarin bpjs, lapor kemana', topic: 'employer_report' },
  { text: 'perusahaan potong gaji buat bpjs tapi ga didaftarin', topic: 'employer_report' },
  { text: 'pabrik tempat sy kerja ga mau daftarin karyawan', topic: 'employer_report' },
  // village_roles
  { text: 'perangkat desa ditanggung?', topic: 'village_roles' },
  { text: 'anggota BPD dapet bpjs tk ga', topic: 'village_roles' },
  { text: 'kader posyandu bisa ikut dibayarin?', topic: 'village_roles' },
  // pekerja_rentan
  { text: 'pekerja rentan itu apa', topic: 'pekerja_rentan' },
  { text: 'sy masuk DTKS, bisa dapet bpjs tk gratis?', topic: ['pekerja_rentan', 'free_contribution'] },
  { text: 'syarat pekerja rentan apa', topic: 'pekerja_rentan' },
  // age_limit
  { text: 'umur 70 bisa daftar?', topic: 'age_limit' },
  { text: 'Max age to register?', topic: 'age_limit', lang: 'en' },
  // foreigner
  { text: 'WNA bisa ikut?', topic: 'foreigner' },
  { text: 'suami sy warga malaysia kerja di sini, bisa ikut?', topic: 'foreigner' },
  { text: "I'm a foreigner working here. Can I join?", topic: 'foreigner', lang: 'en' },
  // already_member
  { text: 'sy udah punya bpjs tk dari kantor lama', topic: 'already_member' },
  { text: 'udah pernah daftar tahun lalu, perlu daftar lagi?', topic: 'already_member' },
  { text: 'kartu bpjs tk lama masih bisa dipake?', topic: 'already_member' },
  // how_register
  { text: 'cara daftar gimana', topic: 'how_register' },
  { text: 'langkah2 daftarnya apa aja', topic: 'how_register' },
  { text: 'daftarnya harus ke kantor?', topic: 'how_register' },
  // documents
  { text: 'syarat daftar apa aja', topic: 'documents' },
  { text: 'perlu fotokopi kk ga', topic: 'documents' },
  // nik
  { text: 'NIK itu apa', topic: 'nik' },
  { text: 'nik di kk sama ktp sama ga', topic: 'nik' },
  { text: 'nik sy ditolak terus', topic: 'nik' },
  // register_other
  { text: 'bisa daftarin ibu saya?', topic: 'register_other' },
  { text: 'sy kader mau daftarin warga sekampung', topic: 'register_other' },
  { text: 'Can I register my neighbour?', topic: 'register_other', lang: 'en' },
  // after_register
  { text: 'sudah daftar terus apa', topic: 'after_register' },
  { text: 'setelah daftar kapan aktifnya', topic: 'after_register' },
  { text: 'kartunya nanti dikirim?', topic: 'after_register' },
  // reference_code
  { text: 'kode pendaftaran saya hilang', topic: 'reference_code' },
  { text: 'kode referensi buat apa', topic: 'reference_code' },
  { text: 'nomor pendaftaran yg dikasih bot itu apa', topic: 'reference_code' },
  // correct_data
  { text: 'sy salah isi tgl lahir kemarin', topic: 'correct_data' },
  { text: 'mau ganti nomor hp di data saya', topic: 'correct_data' },
  { text: 'nama ibu sy salah ketik waktu daftarin', topic: 'correct_data' },
  // status_meaning
  { text: 'status menunggu verifikasi maksudnya apa', topic: 'status_meaning' },
  { text: 'statusnya ditolak, kenapa ya', topic: 'status_meaning' },
  { text: "What does 'pending review' mean?", topic: 'status_meaning', lang: 'en' },
  // claim_jkm
  { text: 'bapak sy meninggal, dia peserta, cara klaim gmn', topic: 'claim_jkm' },
  { text: 'klaim santunan kematian syaratnya apa', topic: 'claim_jkm' },
  { text: 'ahli waris klaim jkm kemana', topic: 'claim_jkm' },
  // claim_jkk
  { text: 'gimana cara klaim kecelakaan kerja', topic: 'claim_jkk' },
  { text: 'habis kecelakaan kerja berobatnya ke rs mana', topic: 'claim_jkk' },
  { text: 'klaim jkk harus lapor brp hari', topic: 'claim_jkk' },
  // claim_jht
  { text: 'cara cairkan jht', topic: 'claim_jht' },
  { text: 'klaim jht online bisa?', topic: 'claim_jht' },
  { text: 'How do I claim my JHT?', topic: 'claim_jht', lang: 'en' },
  // regency_programme
  { text: 'program pemkab banjar buat pekerja rentan masih ada?', topic: 'regency_programme' },
  { text: 'kuota tahun ini masih ada ga', topic: 'regency_programme' },
  { text: 'di kabupaten sy ada program gratis ga', topic: ['regency_programme', 'free_contribution'] },
  // dana_desa
  { text: 'bisa dibayar pake dana desa?', topic: 'dana_desa' },
  { text: 'desa mau anggarkan bpjs tk perangkat pake DD, boleh ga', topic: 'dana_desa' },
  { text: 'ADD bisa buat bayar iuran BPD?', topic: 'dana_desa' },
  // privacy
  { text: 'data saya aman ga', topic: 'privacy' },
  { text: 'data sy disimpan brp lama', topic: 'privacy' },
  // data_use
  { text: 'data saya dipakai buat apa', topic: 'data_use' },
  { text: 'kenapa banyak banget data yg ditanya', topic: 'data_use' },
  // kpj
  { text: 'nomor kpj itu apa', topic: 'kpj' },
  { text: 'lupa nomor kpj', topic: 'kpj' },
  { text: 'kpj berapa digit', topic: 'kpj' },
  // jmo
  { text: 'aplikasi jmo itu apa', topic: 'jmo' },
  { text: 'daftar lewat jmo bisa sendiri?', topic: 'jmo' },
  { text: 'jmo ga bisa login', topic: 'jmo' },
  // heirs
  { text: 'siapa aja ahli waris yg sah', topic: 'heirs' },
  // kesehatan
  { text: 'bedanya bpjs tk sama bpjs kesehatan apa', topic: 'kesehatan' },
  { text: 'udah punya kis, perlu bpjs tk lagi?', topic: 'kesehatan' },
  { text: 'Is this the same as BPJS Kesehatan?', topic: 'kesehatan', lang: 'en' },
  // official
  { text: 'ini bot resmi bpjs?', topic: 'official' },
  { text: 'ini penipuan bukan', topic: 'official' },
  { text: 'ini dari pemerintah?', topic: 'official' },
  // contact_office
  { text: 'alamat kantor disnaker dimana', topic: 'contact_office' },
  { text: 'nomor petugas yg bisa dihubungi', topic: 'contact_office' },
  { text: 'mau ketemu petugas langsung', topic: 'contact_office' },
  // bot_capabilities
  { text: 'bot ini bisa apa aja', topic: 'bot_capabilities' },
  { text: 'bisa bantu apa', topic: 'bot_capabilities' },
  { text: 'What can you do?', topic: 'bot_capabilities', lang: 'en' },
  // compare_programmes
  { text: 'bedanya jkk sama jkm apa', topic: 'compare_programmes' },
  { text: 'jht sama jp beda ga', topic: 'compare_programmes' },
  { text: 'mana yg paling penting jkk jkm atau jht', topic: 'compare_programmes' },
  // waiting_periods
  { text: 'baru daftar langsung bisa klaim?', topic: 'waiting_periods' },
  { text: 'minimal brp lama jadi peserta baru bisa klaim', topic: 'waiting_periods' },
  { text: 'beasiswa harus nunggu brp tahun', topic: ['waiting_periods', 'jkm_scholarship'] },

  // ───────────────────────── OUT OF SCOPE ─────────────────────────
  { text: 'harga cabe hari ini brp', topic: 'out_of_scope' },
  { text: 'cuaca besok hujan ga', topic: 'out_of_scope' },
  { text: 'pinjem uang dong 500rb', topic: 'out_of_scope' },
  { text: 'cara bikin sim c', topic: 'out_of_scope' },
  { text: 'daftar kartu prakerja gmn', topic: 'out_of_scope' },
  { text: 'bansos pkh kapan cair', topic: 'out_of_scope' },
  { text: 'BLT desa bulan ini udah cair?', topic: 'out_of_scope' },
  { text: 'pupuk subsidi habis di kios, lapor kemana', topic: 'out_of_scope' },
  { text: 'isi pulsa bisa disini?', topic: 'out_of_scope' },
  { text: 'jual hp bekas murah', topic: 'out_of_scope' },
  { text: 'resep sambel terasi dong', topic: 'out_of_scope' },
  { text: 'token listrik ga masuk2', topic: 'out_of_scope' },
  { text: 'KUR BRI syaratnya apa', topic: 'out_of_scope' },
  { text: 'cara bikin akta kelahiran anak', topic: 'out_of_scope' },
  { text: 'ada lowongan kerja di kota?', topic: 'out_of_scope' },
  { text: 'tolong buatin surat lamaran kerja', topic: 'out_of_scope' },
  { text: 'sertifikat tanah hilang gimana ngurusnya', topic: 'out_of_scope' },
  { text: 'nomor togel hari ini', topic: 'out_of_scope' },
  { text: 'cara ganti password wifi', topic: 'out_of_scope' },
  { text: 'jadwal kapal ke banjarmasin besok', topic: 'out_of_scope' },
  { text: 'harga gabah kering skrg brp', topic: 'out_of_scope' },
  { text: 'tiket kereta lebaran udah bisa dipesan?', topic: 'out_of_scope' },
  { text: 'obat batuk anak yg bagus apa', topic: 'out_of_scope' },
  { text: 'cara daftar haji', topic: 'out_of_scope' },
  { text: 'pajak motor mati 2 tahun dendanya brp', topic: 'out_of_scope' },
  { text: 'kapan gajian pppk', topic: 'out_of_scope' },
  { text: 'cara main ff biar menang', topic: 'out_of_scope' },
  { text: 'asuransi mobil yg bagus apa', topic: 'out_of_scope' },
  { text: 'bikin paspor online gmn', topic: 'out_of_scope' },
  { text: 'tolong cariin jodoh min wkwk', topic: 'out_of_scope' },
  { text: "What's the weather like in Jakarta today?", topic: 'out_of_scope', lang: 'en' },
  { text: 'Can you recommend a good motorbike?', topic: 'out_of_scope', lang: 'en' },
  { text: 'Translate this into English: saya lapar', topic: 'out_of_scope', lang: 'en' },
  { text: 'Who won the football match last night?', topic: 'out_of_scope', lang: 'en' },
  { text: 'cara cek penerima bansos pake nik', topic: 'out_of_scope' },

  // ───────────────────────── NULL (too vague / noise) ─────────────────────────
  { text: 'ok', topic: null },
  { text: 'hmm', topic: null },
  { text: '?', topic: null },
  { text: 'p', topic: null },
  { text: '👍', topic: null },
  { text: 'bentar ya', topic: null },
  { text: 'asdfjkl', topic: null },
  { text: 'terus?', topic: null },
  { text: 'maksudnya gimana', topic: null },
  { text: 'yang tadi itu', topic: null },
  { text: 'wkwkwk', topic: null },
  { text: '...', topic: null },
  { text: 'iya', topic: null },
  { text: 'ga tau', topic: null },
  { text: 'itu loh', topic: null },
  { text: 'nanti dulu deh', topic: null },
  { text: 'hah?', topic: null },
  { text: 'so?', topic: null, lang: 'en' },
];

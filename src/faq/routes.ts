/**
 * How concepts found in a message (data/vocabulary.json) lead to an answer: programme × aspect ×
 * entity. A route applies when the message has all of its concepts and none of its `none`; having
 * one of `any` adds a point. The highest score wins; a tie between different answers is unsure.
 * `to` is a knowledge-base topic (locales `kb`) or `oos:<kind>` for an out-of-scope reply.
 */
export interface Route {
  to: string;
  all: string[];
  any?: string[];
  none?: string[];
  /** Default: the number of concepts in `all`. */
  score?: number;
}

/** Words that ask what a programme is or what it pays. */
const ABOUT = ['what', 'benefit', 'howmuch'];
const PROGRAMMES = ['jkk', 'jkm', 'jht', 'jp', 'jkp'] as const;

/** Out-of-scope kinds, each with its own "ask there instead" reply (locales faq.out_of_scope.<kind>). */
export const OUT_OF_SCOPE = ['kesehatan', 'bansos', 'loan', 'prakerja', 'job', 'tax', 'general'] as const;

export const ROUTES: readonly Route[] = [
  // What each programme is and pays; the parts of a benefit lead to it too.
  { to: 'jkk', all: ['jkk'], any: [...ABOUT, 'medical', 'sick_pay', 'disability'], score: 1.5 },
  { to: 'jkk', all: ['jkk', 'jkm'], any: ABOUT, none: ['compare', 'optional', 'jht_choice', 'many_programmes'], score: 2.5 },
  { to: 'jkk', all: ['disability'], any: ABOUT },
  { to: 'jkk', all: ['sick_pay'], any: ABOUT, score: 1.5 },
  { to: 'jkk', all: ['jkk', 'medical'], score: 2.5 },
  { to: 'jkm', all: ['jkm'], any: [...ABOUT, 'funeral', 'lump_sum', 'periodic'], score: 1.5 },
  { to: 'jkm', all: ['funeral'], any: ABOUT, score: 2 },
  { to: 'jkm', all: ['lump_sum'], any: ABOUT },
  // Is the death benefit paid at once or in instalments (not: paying contributions at once).
  { to: 'jkm', all: ['jkm', 'lump_sum'], none: ['contribution'], score: 3 },
  { to: 'jkm', all: ['periodic'], any: ABOUT },
  { to: 'jkm_scholarship', all: ['scholarship'], any: [...ABOUT, 'jkm', 'jkk', 'other_person'], score: 2 },
  { to: 'jht', all: ['jht'], any: [...ABOUT, 'when'], score: 1.5 },
  { to: 'jp', all: ['jp'], any: [...ABOUT, 'join', 'own_account', 'contribution', 'age', 'when', 'lump_sum'], score: 1.5 },
  { to: 'jkp', all: ['jkp'], any: [...ABOUT, 'join', 'own_account', 'contribution', 'claim', 'when', 'wage'], score: 1.5 },
  { to: 'what_is_bpjstk', all: ['bpjstk', 'what'], score: 2.5 },
  { to: 'what_is_bpjstk', all: ['why'], any: ['bpjstk', 'register', 'optional'], score: 1.5 },
  { to: 'what_is_bpjstk', all: ['bpjstk'], score: 0.8 },
  { to: 'bpu_benefits', all: ['benefit'], none: ['contribution', ...PROGRAMMES, 'scholarship'] },
  { to: 'bpu_benefits', all: ['benefit', 'bpjstk'], none: [...PROGRAMMES, 'scholarship', 'funeral', 'sick_pay', 'disability', 'medical'], score: 3 },
  { to: 'bpu_benefits', all: ['benefit', 'own_account'], none: [...PROGRAMMES, 'scholarship'], score: 3 },
  { to: 'bpu_benefits', all: ['benefit', 'multi'], score: 3 },
  { to: 'bpu_benefits', all: ['multi'], score: 1.5 },

  // Contributions: in general, per programme, through an employer, discounts, who pays, how to pay.
  { to: 'bpu_contribution', all: ['contribution'], any: ['howmuch', 'income', 'own_account', 'when', 'bpjstk', 'transport'], score: 1.5 },
  { to: 'bpu_contribution', all: ['contribution', 'multi'], score: 4 },
  { to: 'bpu_contribution', all: ['expensive'], any: ['bpjstk', 'contribution', 'jkk', 'jkm', 'jht'], score: 1.5 },
  { to: 'contribution_jkk', all: ['jkk_named', 'contribution'], any: ['howmuch', 'income'], none: ['sick_pay', 'disability'], score: 2.5 },
  { to: 'contribution_jkm', all: ['jkm_named', 'contribution'], any: ['howmuch', 'income'], none: ['funeral'], score: 2.5 },
  { to: 'jht_optional', all: ['jht', 'contribution'], any: ['howmuch', 'optional'], none: ['wage'] },
  { to: 'jht_optional', all: ['jht', 'optional'], score: 3.5 },
  { to: 'jht_optional', all: ['jht_choice'], score: 3.5 },
  { to: 'village_roles', all: ['village_role', 'bpjstk'], none: [...PROGRAMMES], score: 3.5 },
  { to: 'village_roles', all: ['village_role', 'benefit'], none: [...PROGRAMMES], score: 3.5 },
  { to: 'village_roles', all: ['village_role', 'regency_programme'], none: [...PROGRAMMES], score: 3.5 },
  { to: 'pekerja_rentan', all: ['rentan', 'bpjstk'], score: 4 },
  { to: 'pekerja_rentan', all: ['rentan', 'oos_bansos'], none: ['register', 'how'], score: 4.5 },
  { to: 'bpu_benefits', all: ['benefit', 'rentan'], none: [...PROGRAMMES], score: 3 },
  { to: 'jmo', all: ['jmo', 'official'], score: 3.5 },
  { to: 'check_status', all: ['status', 'register'], none: ['what', 'why'], score: 3.5 },
  { to: 'after_register', all: ['after', 'register'], score: 3.5 },
  { to: 'foreigner', all: ['foreigner', 'wage'], score: 3.5 },
  { to: 'nik', all: ['nik', 'area'], score: 3.5 },
  { to: 'documents', all: ['documents', 'what'], score: 3 },
  { to: 'jht_optional', all: ['jht', 'join'], score: 2.5 },
  { to: 'jht_optional', all: ['optional', 'contribution'], any: ['jht'] },
  { to: 'jp', all: ['jp', 'contribution'], score: 3 },
  { to: 'jkp', all: ['jkp', 'contribution'], score: 3 },
  { to: 'jp', all: ['jp', 'join'], score: 4 },
  { to: 'jp', all: ['jp', 'own_account'], score: 4 },
  { to: 'jkp', all: ['jkp', 'join'], score: 4 },
  { to: 'jkp', all: ['jkp', 'own_account'], score: 4 },
  { to: 'jkp', all: ['jkp', 'duration'], score: 4 },
  { to: 'jkk', all: ['jkk', 'duration'], score: 4 },
  { to: 'nik', all: ['lost_id', 'register'], score: 4 },
  { to: 'nik', all: ['lost_id', 'nik'], score: 3.5 },
  { to: 'oos:general', all: ['lost_id'], score: 3 },
  { to: 'what_is_bpjstk', all: ['bpjstk', 'compare'], none: ['multi', 'kesehatan', 'oos_kesehatan'], score: 3 },
  { to: 'nik', all: ['nik', 'compare'], score: 3.5 },
  { to: 'pekerja_rentan', all: ['rentan', 'register'], score: 3 },
  { to: 'pekerja_rentan', all: ['rentan', 'optional'], score: 3 },
  { to: 'pekerja_rentan', all: ['rentan', 'how'], score: 3 },
  { to: 'jkp', all: ['jkp', 'transport'], score: 3 },
  { to: 'wage_contribution', all: ['contribution', 'wage'], any: ['howmuch', 'jht', 'jp', 'jkk', 'jkm'], none: ['jkp'], score: 3.5 },
  { to: 'jkp', all: ['jkp', 'benefit'], score: 3.5 },
  { to: 'discount', all: ['discount'], any: ['contribution', 'transport', 'when', 'own_account'], score: 2.5 },
  { to: 'wage_contribution', all: ['discount', 'wage'], score: 3.5 },
  { to: 'discount', all: ['contribution', 'transport'], any: ['howmuch'] },
  { to: 'free_contribution', all: ['free'], any: ['contribution', 'regency_programme'], none: ['medical', 'funeral', 'sick_pay'], score: 2 },
  { to: 'regency_programme', all: ['regency_programme', 'free', 'bpjstk'], score: 3.5 },
  { to: 'regency_programme', all: ['regency_programme', 'benefit'], score: 3.5 },
  { to: 'free_contribution', all: ['free', 'register'], score: 3 },
  { to: 'pay_how', all: ['pay_how'], score: 2.5 },
  { to: 'pay_how', all: ['contribution', 'how'], score: 1.5 },
  { to: 'pay_how', all: ['contribution', 'where'], score: 2.5 },
  { to: 'inactive', all: ['late'], score: 3 },
  { to: 'income_declare', all: ['income_declare'], score: 3 },
  { to: 'income_declare', all: ['income'], any: ['what', 'how', 'correct'], score: 0.8 },

  // Which option fits ("sy anggota bpd, pilih yg mana") and why we ask ("knp nanya umur").
  { to: 'own_account', all: ['which_option', 'own_account'], score: 3 },
  { to: 'own_account', all: ['which_option', 'transport'], score: 3 },
  { to: 'village_roles', all: ['which_option', 'village_role'], score: 3.5 },
  { to: 'wage_worker', all: ['which_option', 'wage'], score: 3 },
  { to: 'pekerja_rentan', all: ['which_option', 'rentan'], score: 3.5 },
  { to: 'pekerja_rentan', all: ['rentan', 'join'], score: 4 },
  { to: 'data_use', all: ['asking', 'why'], score: 3.5 },
  { to: 'free_contribution', all: ['free', 'late'], score: 3.5 },

  { to: 'how_register', all: ['office_visit'], none: ['claim'], score: 3 },
  { to: 'check_status', all: ['status', 'data'], score: 3.5 },
  { to: 'jkk', all: ['medical', 'limit'], score: 3 },
  { to: 'income_declare', all: ['affects', 'income'], score: 3 },
  { to: 'employer_report', all: ['wage', 'late'], score: 3.5 },
  { to: 'village_roles', all: ['village_role', 'join'], score: 3 },
  { to: 'village_roles', all: ['village_role', 'register'], none: ['other_person', 'how'], score: 3 },
  { to: 'pekerja_rentan', all: ['rentan', 'what'], score: 3 },
  { to: 'regency_programme', all: ['area'], any: ['join', 'bpjstk', 'free', 'register', 'regency_programme'], score: 2 },
  { to: 'nik', all: ['nik', 'which_option'], score: 3.5 },
  { to: 'compare_programmes', all: ['compare'], score: 0.8 },
  { to: 'contribution_jkm', all: ['jkm', 'contribution'], any: ['howmuch'], none: ['funeral', 'jkk', 'benefit'], score: 1.8 },
  { to: 'jp', all: ['jp', 'waiting'], score: 3.5 },
  { to: 'regency_programme', all: ['regency_programme', 'jht_choice'], score: 4 },
  { to: 'kpj', all: ['kpj', 'after'], score: 3.5 },
  { to: 'jmo', all: ['jmo', 'documents'], score: 3.5 },
  { to: 'register_other', all: ['register', 'other_person', 'village_role'], score: 4 },
  { to: 'claim_jkm', all: ['deadline', 'claim', 'jkm'], score: 4.5 },
  // A death certificate asked for a JKM claim is a claim document, not the civil registry's business.
  { to: 'claim_jkm', all: ['claim', 'jkm_named', 'oos_dukcapil'], score: 5 },
  { to: 'jkp', all: ['deadline', 'jkp'], score: 4 },
  { to: 'pekerja_rentan', all: ['rentan', 'self'], score: 3.5 },

  // "saya karyawan toko", "saya ketua rt": who they are is the question.
  { to: 'own_account', all: ['own_account', 'self'], score: 2.5 },
  { to: 'own_account', all: ['transport', 'self'], score: 2.5 },
  { to: 'wage_worker', all: ['wage', 'self'], score: 2.5 },
  { to: 'village_roles', all: ['village_role', 'self'], score: 2.5 },
  { to: 'pekerja_rentan', all: ['rentan', 'self'], score: 2.5 },
  { to: 'foreigner', all: ['foreigner', 'self'], score: 3 },

  { to: 'free_contribution', all: ['contribution', 'who'], score: 3 },
  { to: 'free_contribution', all: ['regency_programme', 'contribution'], none: ['quota'], score: 3 },
  { to: 'bot_capabilities', all: ['capabilities', 'official'], score: 3.5 },
  { to: 'privacy', all: ['retention'], score: 4 },
  { to: 'bpu_benefits', all: ['besides'], any: [...PROGRAMMES], score: 2.5 },
  { to: 'jp', all: ['jp', 'transport'], score: 4 },
  { to: 'jkk', all: ['jkk', 'sick_pay'], score: 3.5 },
  { to: 'pekerja_rentan', all: ['oos_bansos', 'bpjstk'], score: 4 },

  // Which name, date, address or number to write: the documents answer says what to use.
  { to: 'documents', all: ['field', 'which_option'], none: ['register', 'register_now', 'correct', 'code', 'kpj', 'other_person', 'own_account', 'transport', 'wage', 'village_role', 'rentan'], score: 4 },
  { to: 'documents', all: ['field', 'compare'], none: ['register', 'other_person'], score: 3.5 },
  { to: 'documents', all: ['field', 'nik'], none: ['invalid', 'why', 'privacy', 'data_use', 'register', 'register_now', 'village_role', 'code', 'kpj', 'correct'], score: 3 },
  { to: 'data_use', all: ['field', 'why'], score: 3.5 },
  { to: 'documents', all: ['field_question'], none: ['why', 'asking', 'other_person', 'oos_general', 'age'], score: 2.5 },
  { to: 'jht', all: ['jht', 'claim', 'when'], none: ['how', 'documents', 'where'], score: 4.5 },
  { to: 'what_is_bpjstk', all: ['why', 'bpjstk'], score: 3.5 },

  { to: 'jht', all: ['jht', 'interest'], score: 4 },
  { to: 'jmo', all: ['jmo', 'jht'], score: 3.5 },
  { to: 'already_member', all: ['already', 'own_account'], score: 4.5 },
  { to: 'how_register', all: ['returned'], any: ['register', 'register_now'], score: 3.5 },
  { to: 'jkp', all: ['jkp', 'claim'], none: ['jht'], score: 3.5 },
  { to: 'claim_jht', all: ['jht', 'claim', 'jkp'], score: 4 },
  { to: 'jkk', all: ['jkk', 'join'], none: ['register', 'register_now'], score: 4 },
  { to: 'check_status', all: ['status', 'contribution'], none: ['what', 'why'], score: 3 },
  { to: 'inactive', all: ['late', 'claim'], score: 4 },
  { to: 'employer_report', all: ['report', 'wage', 'contribution'], score: 4.5 },
  { to: 'register_other', all: ['register_now', 'other_person', 'free'], score: 4 },

  { to: 'jkk', all: ['is_work_accident'], score: 5 },
  { to: 'bpu_benefits', all: ['benefit', 'what', 'contribution'], none: [...PROGRAMMES], score: 3 },
  { to: 'wage_contribution', all: ['wage', 'benefit', 'howmuch'], score: 3.5 },
  { to: 'wage_worker', all: ['wage', 'own_account', 'join'], score: 4 },
  { to: 'register_other', all: ['register_now', 'other_person', 'village_role'], score: 4.5 },
  { to: 'data_use', all: ['data', 'after'], none: ['who'], score: 3.5 },

  // Who can join.
  { to: 'who_can_join', all: ['join'], any: ['bpjstk', 'register'] },
  { to: 'who_can_join', all: ['join', 'bpjstk'], none: [...PROGRAMMES], score: 3 },
  { to: 'who_can_join', all: ['not_working'], any: ['join', 'register', 'bpjstk'], score: 2 },
  { to: 'own_account', all: ['own_account'], any: ['join', 'register', 'bpjstk'], score: 0.8 },
  { to: 'own_account', all: ['own_account', 'join'], score: 3.5 },
  { to: 'own_account', all: ['transport'], any: ['join', 'register', 'bpjstk'], score: 0.8 },
  { to: 'own_account', all: ['transport', 'join'], score: 3.5 },
  { to: 'wage_worker', all: ['wage'], any: ['join', 'register', 'bpjstk', 'how'], score: 0.8 },
  { to: 'wage_worker', all: ['wage', 'register'], score: 3.5 },
  { to: 'employer_report', all: ['report'], score: 2.5 },
  { to: 'employer_report', all: ['report', 'wage'], score: 3.5 },
  { to: 'employer_report', all: ['wage', 'register', 'report'], score: 4 },
  { to: 'village_roles', all: ['village_role'], any: ['join', 'free', 'register', 'bpjstk', 'contribution', 'benefit'], score: 0.8 },
  { to: 'village_roles', all: ['village_role', 'own_account'], score: 2.5 },
  { to: 'village_roles', all: ['village_role', 'free'], score: 3.5 },
  { to: 'pekerja_rentan', all: ['rentan'], any: ['join', 'free', 'register', 'bpjstk', 'contribution', 'benefit'], score: 0.8 },
  { to: 'pekerja_rentan', all: ['oos_bansos', 'join'], score: 3 },
  { to: 'pekerja_rentan', all: ['rentan', 'free'], score: 4 },
  { to: 'age_limit', all: ['age'], any: ['join', 'register', 'bpjstk'], none: ['jp'], score: 1.5 },
  { to: 'age_limit', all: ['age', 'join'], none: ['jp'], score: 4 },
  { to: 'foreigner', all: ['foreigner'], any: ['join', 'register', 'bpjstk', 'nik'], score: 2.5 },
  { to: 'already_member', all: ['already'], none: ['jkk', 'jkm', 'jp', 'jkp', 'scholarship'], score: 4 },

  // Signing up.
  { to: 'how_register', all: ['register', 'how'], none: ['other_person', 'status', 'wage', 'check'], score: 2.5 },
  { to: 'how_register', all: ['register_now', 'how'], none: ['other_person', 'wage'], score: 3 },
  { to: 'how_register', all: ['register', 'where'], none: ['other_person', 'status', 'wage'] },
  { to: 'how_register', all: ['register'], score: 0.5 },
  { to: 'want_register', all: ['want', 'register'], none: ['how', 'where', 'other_person', 'what', 'documents', 'status', 'wage', 'join'] },
  { to: 'want_register', all: ['register_now'], none: ['how', 'where', 'other_person', 'what', 'documents', 'status', 'wage', 'join', 'already', 'age', 'foreigner'], score: 2.5 },
  { to: 'after_register', all: ['register', 'when'], none: ['how'] },
  { to: 'register_other', all: ['register', 'other_person'], any: ['how', 'join', 'village_role', 'want'] },
  { to: 'register_other', all: ['register_now', 'other_person'], score: 3 },
  { to: 'documents', all: ['documents'], any: ['register', 'how', 'what'], score: 2 },
  { to: 'documents', all: ['documents', 'nik'], score: 3 },
  { to: 'after_register', all: ['after'], any: ['register'], score: 2.5 },
  { to: 'nik', all: ['nik'], any: ['what', 'how', 'register', 'status', 'correct'], score: 1.5 },
  { to: 'nik', all: ['nik', 'rejected'], score: 3.5 },
  { to: 'nik', all: ['nik', 'invalid'], score: 5 },
  { to: 'nik', all: ['nik', 'what'], score: 3 },
  { to: 'data_use', all: ['why', 'nik'], score: 3 },
  { to: 'foreigner', all: ['foreigner', 'nik'], score: 3 },
  { to: 'reference_code', all: ['code'], any: ['register', 'what', 'status', 'data_use'], score: 2.5 },
  { to: 'check_status', all: ['status'], any: ['register', 'check', 'already'], none: ['what'] },
  { to: 'check_status', all: ['check', 'register'], none: ['how', 'documents'], score: 2.5 },
  { to: 'check_status', all: ['check', 'register', 'status'], score: 3.5 },
  { to: 'check_status', all: ['check', 'status'], score: 3.5 },
  { to: 'status_meaning', all: ['status', 'what'], score: 2.5 },
  { to: 'status_meaning', all: ['status_word', 'what'], score: 4 },
  { to: 'status_meaning', all: ['status_word', 'status'], score: 3 },
  { to: 'status_meaning', all: ['status', 'why'], score: 3 },
  { to: 'status_meaning', all: ['rejected'], any: ['register', 'status', 'why', 'how'], score: 2.5 },
  { to: 'status_meaning', all: ['status', 'waiting'], score: 3 },
  { to: 'correct_data', all: ['correct'], any: ['register', 'nik', 'income', 'data'], score: 1.5 },
  { to: 'correct_data', all: ['correct', 'field'], score: 4 },
  { to: 'correct_data', all: ['correct', 'nik'], score: 3 },
  { to: 'delete_my_data', all: ['delete'], none: ['code'], score: 3 },
  { to: 'delete_my_data', all: ['delete', 'data'], none: ['code'], score: 4 },

  // Claims and waiting periods.
  { to: 'claim_jkk', all: ['jkk', 'claim'], any: ['how', 'documents', 'join', 'where'], score: 3 },
  { to: 'claim_jkk', all: ['jkk', 'medical', 'how'], score: 3.5 },
  { to: 'claim_jkk', all: ['jkk', 'complain'], score: 3 },
  { to: 'employer_report', all: ['complain', 'wage'], none: ['jkk'], score: 3.5 },
  { to: 'claim_jkk', all: ['jkk', 'where'], score: 3 },
  { to: 'claim_jkm', all: ['jkm', 'claim'], any: ['how', 'documents', 'join', 'where', 'heir'], score: 3 },
  { to: 'claim_jkm', all: ['funeral', 'claim'], score: 2.5 },
  { to: 'claim_jht', all: ['jht', 'claim'], any: ['how', 'documents', 'when', 'join', 'where', 'waiting'], score: 3 },
  { to: 'claim_jkk', all: ['claim', 'jkk', 'jkm'], none: ['contribution'], score: 4.5 },
  { to: 'jkm_scholarship', all: ['scholarship', 'claim'], score: 2.5 },
  { to: 'jht_partial', all: ['partial'], any: ['jht', 'claim'], score: 2 },
  { to: 'jht_partial', all: ['jht', 'partial'], score: 4 },
  { to: 'waiting_periods', all: ['waiting'], any: ['claim', 'register', ...PROGRAMMES, 'scholarship'], score: 2 },
  { to: 'waiting_periods', all: ['waiting', 'claim'], score: 4 },
  { to: 'waiting_periods', all: ['waiting', 'scholarship'], score: 3.5 },
  { to: 'waiting_periods', all: ['when', 'claim', 'register'], score: 3.5 },
  { to: 'compare_programmes', all: ['compare', 'multi'], score: 4 },
  { to: 'heirs', all: ['heir'], none: ['howmuch', 'jkp', 'jp'], score: 3 },
  { to: 'heirs', all: ['heir', 'jkm'], none: ['howmuch'], score: 3.5 },

  // About the service.
  { to: 'regency_programme', all: ['regency_programme'], any: ['what', 'join', 'bpjstk', 'free', 'register'], score: 1.2 },
  { to: 'dana_desa', all: ['dana_desa'], score: 4 },
  { to: 'regency_programme', all: ['quota'], score: 4 },
  { to: 'privacy', all: ['privacy'], any: ['nik', 'register', 'bpjstk', 'data'], score: 2 },
  { to: 'privacy', all: ['retention'], score: 3 },
  { to: 'data_use', all: ['data_use', 'data'], score: 3 },
  { to: 'privacy', all: ['data', 'check'], score: 2.5 },
  { to: 'data_use', all: ['data_use'], any: ['nik', 'privacy', 'register', 'data', 'documents'], score: 2.5 },
  { to: 'data_use', all: ['data', 'where'], score: 2.5 },
  { to: 'kpj', all: ['kpj'], any: ['what', 'already', 'how'] },
  { to: 'kpj', all: ['kpj', 'what'], score: 3 },
  { to: 'jmo', all: ['jmo'], any: ['register', 'bpjstk', 'how', 'trouble'], score: 1.5 },
  { to: 'jmo', all: ['jmo', 'trouble'], score: 3 },
  { to: 'jmo', all: ['jmo', 'what'], score: 3 },
  { to: 'kesehatan', all: ['kesehatan', 'compare'], score: 4 },
  { to: 'kesehatan', all: ['kesehatan', 'bpjstk'], score: 4.5 },
  { to: 'kesehatan', all: ['kesehatan', 'already'], score: 4.5 },
  { to: 'kesehatan', all: ['kesehatan', 'compare'], score: 4.5 },
  { to: 'kesehatan', all: ['bpjstk_named', 'oos_kesehatan'], none: ['jkk'], score: 3.5 },
  { to: 'jkm', all: ['jkm', 'not_work'], score: 5 },
  // Our use of their data, whatever they fear it is for (loans, tax, social aid).
  { to: 'privacy', all: ['nik', 'oos_loan'], score: 4 },
  { to: 'privacy', all: ['data', 'oos_loan'], score: 4 },
  { to: 'data_use', all: ['data_use', 'oos_tax'], score: 4 },
  { to: 'data_use', all: ['data_use', 'oos_bansos'], score: 4 },
  { to: 'data_use', all: ['asking', 'why', 'oos_tax'], score: 4 },
  { to: 'privacy', all: ['heir', 'retention'], score: 4 },
  { to: 'privacy', all: ['heir', 'privacy'], score: 4 },
  { to: 'jkk', all: ['medical'], any: ['bpjstk'], score: 1 },
  { to: 'official', all: ['official'], any: ['bpjstk', 'what'], score: 2 },
  // Someone claiming to be us and asking for money: is it really us?
  { to: 'official', all: ['official', 'pay_how'], none: ['where', 'oos_legal', 'complain', 'oos_job'], score: 3 },
  { to: 'contact_office', all: ['contact'], any: ['where', 'howmuch', 'regency_programme'], score: 1.5 },
  { to: 'bot_capabilities', all: ['capabilities'], score: 2 },
  { to: 'greeting', all: ['greeting'], score: 0.9 },
  { to: 'thanks', all: ['thanks'], score: 0.95 },

  // Not ours: say so, and where to ask.
  { to: 'oos:kesehatan', all: ['oos_kesehatan'], none: ['jkk', 'jkm'], score: 2.5 },
  { to: 'jmo', all: ['jmo', 'data_use'], score: 3.5 },
  { to: 'oos:kesehatan', all: ['kesehatan'], none: ['compare', 'bpjstk'], score: 4 },
  { to: 'oos:bansos', all: ['oos_bansos'], score: 3.5 },
  { to: 'oos:loan', all: ['oos_loan'], score: 3.5 },
  { to: 'oos:prakerja', all: ['oos_prakerja'], score: 3.5 },
  { to: 'oos:job', all: ['oos_job'], score: 3.5 },
  { to: 'oos:tax', all: ['oos_tax'], score: 3.5 },
  // Other insurance (crops, cattle, life, vehicles, civil servants' pensions): not ours.
  { to: 'oos:general', all: ['oos_insurance'], score: 4 },
  // Prices of things: not ours, unless it is the price of a contribution.
  { to: 'oos:general', all: ['price'], none: ['contribution', 'discount', 'jkk', 'jkm', 'jht', 'jp', 'jkp'], score: 3 },
  { to: 'oos:general', all: ['dana_desa', 'complain'], score: 4.5 },
  // Weather, football, prayer times…: not ours, unless JKK or JKM is named by name ("pas hujan jatuh dari motor, dapet JKK?").
  { to: 'oos:general', all: ['oos_general'], none: ['jkk_named', 'jkm_named'], score: 2.5 },
  // Papers at the civil registry (KTP, KK, birth certificates): clearly someone else's, whatever else is said.
  { to: 'oos:general', all: ['oos_dukcapil'], score: 4.5 },
  // Land, severance, fuel subsidies, honoraria, village roads: other offices' business.
  { to: 'oos:general', all: ['oos_legal'], score: 4 },
  // The village or sub-district office's own hours: not ours (ours is the regency's BPJS desk).
  { to: 'oos:general', all: ['contact', 'village_role', 'when'], none: ['bpjstk', 'register', 'regency_programme', ...PROGRAMMES], score: 3 },
  { to: 'oos:kesehatan', all: ['oos_kesehatan', 'benefit'], none: ['jkk'], score: 3.5 },
  // A local official's own number: not ours to give (the regency's desk is contact_office).
  { to: 'oos:general', all: ['contact', 'local_official'], none: ['bpjstk', 'register', 'regency_programme', ...PROGRAMMES], score: 4 },
  { to: 'oos:general', all: ['official_number'], none: ['bpjstk', 'register', 'regency_programme', ...PROGRAMMES], score: 4.5 },
  // A lost or worn BPJS card is reprinted by BPJS (KPJ), not by Dukcapil.
  { to: 'kpj', all: ['kpj', 'oos_dukcapil'], score: 5 },
  // Three or more programmes named at once: the comparison, unless it asks what they cost.
  { to: 'compare_programmes', all: ['many_programmes'], none: ['contribution', 'howmuch'], score: 3 },
  // "Is this run by the government or a scam?": the question is whether we are official.
  { to: 'official', all: ['official', 'free'], none: ['contribution', 'howmuch', 'register', 'register_now'], score: 3 },
  // Living in another regency than the one on the KTP, asking about the regency's programme.
  { to: 'regency_programme', all: ['area', 'free'], none: ['village_role'], score: 4 },
  { to: 'regency_programme', all: ['area', 'regency_programme', 'join'], none: ['village_role'], score: 4 },
  // "Which one is better for me?" without naming what: the comparison.
  { to: 'compare_programmes', all: ['compare', 'which_option'], none: ['field', 'pay_how', 'contribution', 'register', 'documents'], score: 2.5 },
  // Where or through what to pay a contribution (not: can the village fund pay it).
  { to: 'pay_how', all: ['pay_how', 'contribution'], none: ['dana_desa', 'free', 'who', 'lump_sum', ...PROGRAMMES], score: 3.5 },  // A village official asking whether the regency pays for their role.
  { to: 'village_roles', all: ['village_role', 'free', 'regency_programme'], none: [...PROGRAMMES, 'quota', 'rentan'], score: 4.5 },
  // "What is my KTP used for — a loan app?": what the data is used for (and that it goes nowhere else).
  { to: 'data_use', all: ['data_use', 'oos_loan'], score: 4.5 },
];

/** Concepts the reader adds itself: several (two; three or more) programmes named at once. */
export function derivedConcepts(concepts: Set<string>): void {
  const named = PROGRAMMES.filter((p) => concepts.has(p)).length;
  if (named >= 2) concepts.add('multi');
  if (named >= 3) concepts.add('many_programmes');
}

export interface Routed {
  to: string;
  score: number;
  /** Other answers that scored within reach, best first (different from `to`). */
  others: { to: string; score: number }[];
}

/** The best route for a set of concepts (plus points some answers earned otherwise), or undefined when none applies. */
export function route(concepts: Set<string>, routes: readonly Route[] = ROUTES, bonus: ReadonlyMap<string, number> = new Map()): Routed | undefined {
  const best = new Map<string, number>();
  for (const [to, points] of bonus) best.set(to, points);
  for (const r of routes) {
    if (!r.all.every((c) => concepts.has(c))) continue;
    if (r.none?.some((c) => concepts.has(c))) continue;
    const score = (r.score ?? r.all.length) + (r.any?.some((c) => concepts.has(c)) ? 1 : 0) + (bonus.get(r.to) ?? 0);
    if (score > (best.get(r.to) ?? -1)) best.set(r.to, score);
  }
  const ranked = [...best.entries()].map(([to, score]) => ({ to, score })).sort((a, b) => b.score - a.score);
  const top = ranked[0];
  if (!top) return undefined;
  return { to: top.to, score: top.score, others: ranked.slice(1) };
}

/**
 * Which answer a figure of the rates file belongs to, by the figure's name ("jkmTotal" → jkm): a
 * person who quotes a figure ("42 juta itu bener?", "ojol bayar 8400?") is asking about its answer.
 * Longest prefix first.
 */
export const FIGURE_HOMES: readonly [prefix: string, topic: string][] = [
  ['jkmScholarship', 'jkm_scholarship'],
  ['jkkScholarship', 'jkm_scholarship'],
  ['jhtPartial', 'jht_partial'],
  ['bpuJkkMin', 'contribution_jkk'],
  ['bpuJkkPercent', 'contribution_jkk'],
  ['bpuJkmFlat', 'contribution_jkm'],
  ['bpuJht', 'jht_optional'],
  ['bpuWithJht', 'jht_optional'],
  ['bpu', 'bpu_contribution'],
  ['discount', 'discount'],
  ['wage', 'wage_contribution'],
  ['jkk', 'jkk'],
  ['jkm', 'jkm'],
  ['jht', 'jht'],
  ['jkp', 'jkp'],
  ['jp', 'jp'],
  ['kpj', 'kpj'],
  ['nik', 'nik'],
];

/** Concepts that only shape a question (what, how much, who…); a topic is about the rest. */
export const SHAPES = new Set(['what', 'howmuch', 'how', 'where', 'when', 'why', 'want', 'join', 'which_option', 'asking', 'multi']);

/** What a topic is about: the concept most of its routes need ("how_register" → register): the light a follow-up is read in. */
export function subjectOf(topic: string | undefined): string[] {
  if (!topic) return [];
  const counts = new Map<string, number>();
  for (const r of ROUTES) if (r.to === topic) for (const c of r.all) if (!SHAPES.has(c)) counts.set(c, (counts.get(c) ?? 0) + 1);
  const best = [...counts.entries()].sort((a, b) => b[1] - a[1])[0];
  return best ? [best[0]] : [];
}

// Services and public bodies: government and tax, charities, health care,
// personal care, postage, childcare, education, car care, professional
// services, storage. Government and charity come first so that "GOFUNDME
// JOHNS MEDICAL" is a donation and "CITY OF ... PARKING" a city payment.

import { keyword, merchants, movement, type Rule } from '../rule.js';

const online = { channel: 'online' } as const;

export const SERVICE_MERCHANT_RULES: readonly Rule[] = [
  movement(
    'government.tax-payment',
    [
      'USATAXPYMT',
      'IRS',
      'FRANCHISE TAX',
      'DEPT OF REVENUE',
      'DEPARTMENT OF REVENUE',
      'DEPT REVENUE',
      'TAX PAYMENT',
      'TAX PYMT',
      'TAX PAYMNT',
      'TAX PMT',
      'DTF PIT',
      'EST TAX',
      'STATE TAX',
      'PROPERTY TAX',
      'COUNTY TAX',
      'COMPTROLLER',
      'EFTPS',
    ],
    'GOVERNMENT_AND_NON_PROFIT_TAX_PAYMENT',
    { direction: 'outflow' },
  ),
  keyword(
    'government-agency',
    ['DMV', 'MOTOR VEHICLE', 'MOTOR VEHICLES', 'SECRETARY OF STATE', 'COUNTY CLERK', 'CLERK OF COURT', 'COURT FEES', 'PASSPORT', 'USCIS', 'RECREATION GOV', 'CITY OF', 'TOWN OF', 'COUNTY OF', 'STATE OF'],
    'GOVERNMENT_AND_NON_PROFIT_GOVERNMENT_DEPARTMENTS_AND_AGENCIES',
    { direction: 'outflow', channel: 'online' },
  ),
  ...merchants(
    'GOVERNMENT_AND_NON_PROFIT_DONATIONS',
    [
      ['red-cross', 'American Red Cross', ['RED CROSS']],
      ['gofundme', 'GoFundMe', ['GOFUNDME', 'GO FUND ME']],
      ['unicef', 'UNICEF', ['UNICEF']],
      ['salvation-army', 'The Salvation Army', ['SALVATION ARMY']],
      ['st-jude', "St. Jude Children's Research Hospital", ['ST JUDE', 'ALSAC']],
      ['united-way', 'United Way', ['UNITED WAY']],
      ['actblue', 'ActBlue', ['ACTBLUE']],
      ['winred', 'WinRed', ['WINRED']],
      ['tithely', 'Tithe.ly', ['TITHE LY', 'TITHELY']],
      ['pushpay', 'Pushpay', ['PUSHPAY']],
    ],
    online,
  ),
  keyword(
    'donation',
    ['DONATION', 'DONATE', 'CHARITY', 'CHARITABLE', 'CHURCH', 'TITHE', 'TITHES', 'MINISTRIES', 'MINISTRY', 'PARISH', 'SYNAGOGUE', 'MOSQUE'],
    'GOVERNMENT_AND_NON_PROFIT_DONATIONS',
    { channel: 'online' },
  ),

  // --- health care: vets before hospitals ("VCA ANIMAL HOSPITAL")
  ...merchants('MEDICAL_PHARMACIES_AND_SUPPLEMENTS', [
    ['cvs', 'CVS', ['CVS', 'CVS PHARMACY']],
    ['walgreens', 'Walgreens', ['WALGREENS', 'WALGREEN']],
    ['rite-aid', 'Rite Aid', ['RITE AID']],
    ['duane-reade', 'Duane Reade', ['DUANE READE']],
    ['gnc', 'GNC', ['GNC']],
    ['vitamin-shoppe', 'The Vitamin Shoppe', ['VITAMIN SHOPPE']],
  ]),
  ...merchants('MEDICAL_VETERINARY_SERVICES', [
    ['vca', 'VCA Animal Hospitals', ['VCA']],
    ['banfield', 'Banfield Pet Hospital', ['BANFIELD']],
  ]),
  keyword('veterinary', ['VETERINARY', 'ANIMAL HOSPITAL', 'PET HOSPITAL', 'ANIMAL CLINIC', 'VET CLINIC', 'VETERINARIAN'], 'MEDICAL_VETERINARY_SERVICES'),
  ...merchants('MEDICAL_EYE_CARE', [
    ['lenscrafters', 'LensCrafters', ['LENSCRAFTERS']],
    ['warby-parker', 'Warby Parker', ['WARBY PARKER']],
    ['visionworks', 'Visionworks', ['VISIONWORKS']],
    ['pearle-vision', 'Pearle Vision', ['PEARLE VISION']],
    ['1-800-contacts', '1-800 Contacts', ['1 800 CONTACTS', 'AMERICAS BEST']],
    ['hubble', 'Hubble Contacts', ['HUBBLE', 'HUBB'], online],
  ]),
  ...merchants('MEDICAL_PRIMARY_CARE', [
    ['kaiser', 'Kaiser Permanente', ['KAISER', 'KAISER PERMANENTE']],
    ['minuteclinic', 'MinuteClinic', ['MINUTECLINIC', 'MINUTE CLINIC']],
    ['citymd', 'CityMD', ['CITYMD', 'CITY MD']],
    ['one-medical', 'One Medical', ['ONE MEDICAL']],
    ['labcorp', 'Labcorp', ['LABCORP']],
    ['quest-diagnostics', 'Quest Diagnostics', ['QUEST DIAGNOSTICS']],
    ['teladoc', 'Teladoc', ['TELADOC'], online],
  ]),

  // --- personal care
  ...merchants('PERSONAL_CARE_GYMS_AND_FITNESS_CENTERS', [
    ['planet-fitness', 'Planet Fitness', ['PLANET FITNESS', 'PLNT FITNESS']],
    ['la-fitness', 'LA Fitness', ['LA FITNESS']],
    ['24-hour-fitness', '24 Hour Fitness', ['24 HOUR FITNESS']],
    ['equinox', 'Equinox', ['EQUINOX']],
    ['orangetheory', 'Orangetheory Fitness', ['ORANGETHEORY']],
    ['crunch', 'Crunch Fitness', ['CRUNCH FITNESS']],
    ['anytime-fitness', 'Anytime Fitness', ['ANYTIME FITNESS']],
    ['golds-gym', "Gold's Gym", ['GOLDS GYM']],
    ['ymca', 'YMCA', ['YMCA']],
    ['life-time', 'Life Time', ['LIFE TIME FITNESS', 'LIFETIME FITNESS']],
    ['peloton', 'Peloton', ['PELOTON'], online],
    ['classpass', 'ClassPass', ['CLASSPASS'], online],
  ]),
  ...merchants('PERSONAL_CARE_HAIR_AND_BEAUTY', [
    ['great-clips', 'Great Clips', ['GREAT CLIPS']],
    ['supercuts', 'Supercuts', ['SUPERCUTS']],
    ['sport-clips', 'Sport Clips', ['SPORT CLIPS']],
    ['fantastic-sams', 'Fantastic Sams', ['FANTASTIC SAMS']],
    ['ulta', 'Ulta Beauty', ['ULTA']],
    ['sephora', 'Sephora', ['SEPHORA']],
    ['sally-beauty', 'Sally Beauty', ['SALLY BEAUTY']],
    ['european-wax', 'European Wax Center', ['EUROPEAN WAX']],
  ]),

  // --- everyday services
  ...merchants('GENERAL_SERVICES_POSTAGE_AND_SHIPPING', [
    ['usps', 'USPS', ['USPS', 'US POSTAL', 'POSTAL SERVICE', 'STAMPS COM']],
    ['ups', 'UPS', ['UPS STORE', 'THE UPS STORE', 'UPS']],
    ['fedex', 'FedEx', ['FEDEX', 'FED EX']],
    ['dhl', 'DHL', ['DHL']],
  ]),
  ...merchants('GENERAL_SERVICES_CHILDCARE', [
    ['kindercare', 'KinderCare', ['KINDERCARE']],
    ['bright-horizons', 'Bright Horizons', ['BRIGHT HORIZONS']],
    ['la-petite', 'La Petite Academy', ['LA PETITE']],
    ['goddard', 'The Goddard School', ['GODDARD SCHOOL']],
    ['primrose', 'Primrose Schools', ['PRIMROSE SCHOOL']],
    ['care-com', 'Care.com', ['CARE COM'], online],
  ]),
  ...merchants(
    'GENERAL_SERVICES_EDUCATION',
    [
      ['coursera', 'Coursera', ['COURSERA']],
      ['udemy', 'Udemy', ['UDEMY']],
      ['chegg', 'Chegg', ['CHEGG']],
      ['duolingo', 'Duolingo', ['DUOLINGO']],
      ['masterclass', 'MasterClass', ['MASTERCLASS']],
      ['skillshare', 'Skillshare', ['SKILLSHARE']],
    ],
    online,
  ),
  ...merchants('GENERAL_SERVICES_AUTOMOTIVE', [
    ['jiffy-lube', 'Jiffy Lube', ['JIFFY LUBE']],
    ['valvoline', 'Valvoline', ['VALVOLINE']],
    ['firestone', 'Firestone', ['FIRESTONE']],
    ['goodyear', 'Goodyear', ['GOODYEAR']],
    ['midas', 'Midas', ['MIDAS']],
    ['meineke', 'Meineke', ['MEINEKE']],
    ['pep-boys', 'Pep Boys', ['PEP BOYS']],
    ['discount-tire', 'Discount Tire', ['DISCOUNT TIRE']],
    ['autozone', 'AutoZone', ['AUTOZONE']],
    ['oreilly', "O'Reilly Auto Parts", ['OREILLY AUTO', 'O REILLY AUTO']],
    ['advance-auto', 'Advance Auto Parts', ['ADVANCE AUTO']],
    ['mister-car-wash', 'Mister Car Wash', ['MISTER CAR WASH']],
  ]),
  ...merchants(
    'GENERAL_SERVICES_CONSULTING_AND_LEGAL',
    [
      ['legalzoom', 'LegalZoom', ['LEGALZOOM', 'LEGAL ZOOM']],
      ['rocket-lawyer', 'Rocket Lawyer', ['ROCKET LAWYER']],
    ],
    online,
  ),
  ...merchants('GENERAL_SERVICES_ACCOUNTING_AND_FINANCIAL_PLANNING', [
    ['turbotax', 'TurboTax', ['TURBOTAX', 'INTUIT TURBOTAX'], online],
    ['hr-block', 'H&R Block', ['HR BLOCK', 'H AND R BLOCK']],
    ['jackson-hewitt', 'Jackson Hewitt', ['JACKSON HEWITT']],
    ['quickbooks', 'QuickBooks', ['QUICKBOOKS', 'INTUIT QBOOKS'], online],
  ]),
  ...merchants('GENERAL_SERVICES_STORAGE', [
    ['public-storage', 'Public Storage', ['PUBLIC STORAGE']],
    ['extra-space', 'Extra Space Storage', ['EXTRA SPACE']],
    ['cubesmart', 'CubeSmart', ['CUBESMART']],
    ['life-storage', 'Life Storage', ['LIFE STORAGE']],
  ]),
];

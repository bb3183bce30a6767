// Generic words that say what kind of business a payee is when the payee
// itself is unknown ("TAQUERIA LA PALMA", "BRIGHT SMILES DENTAL GROUP").
// Medium confidence and no merchant name: Plaid would not name these either.
// They run after every named merchant, so "SHELL OIL" is Shell, not "oil".

import { keyword, type Rule } from '../rule.js';

export const KEYWORD_RULES: readonly Rule[] = [
  // --- food and drink
  keyword('coffee', ['COFFEE', 'ESPRESSO', 'ROASTERS', 'ROASTERY', 'COFFEEHOUSE'], 'FOOD_AND_DRINK_COFFEE'),
  // Bars are restaurants in PFC but have their own credit category.
  keyword('bar', ['BAR AND GRILL', 'PUB', 'TAVERN', 'BREWERY', 'BREWING', 'TAPROOM', 'SALOON', 'LOUNGE'], 'FOOD_AND_DRINK_RESTAURANT', {
    creditCategory: 'DINING_WINE_BARS_AND_PUBS',
  }),
  keyword(
    'restaurant',
    [
      'RESTAURANT',
      'RESTAURANTS',
      'REST',
      'GRILL',
      'BISTRO',
      'DINER',
      'EATERY',
      'KITCHEN',
      'CAFE',
      'CANTINA',
      'TAQUERIA',
      'TACOS',
      'TACO',
      'BURRITO',
      'SUSHI',
      'RAMEN',
      'PHO',
      'NOODLE',
      'NOODLES',
      'PIZZERIA',
      'PIZZA',
      'TRATTORIA',
      'OSTERIA',
      'STEAKHOUSE',
      'BBQ',
      'BARBECUE',
      'SMOKEHOUSE',
      'BRASSERIE',
      'CUISINE',
      'POKE',
      'DELI',
      'WINGS',
      'THAI',
      'BURGER',
      'BURGERS',
      'CHICKEN',
      'SEAFOOD',
      'BAKERY',
      'DONUTS',
      'BAGELS',
      'CREPERIE',
      'TST',
    ],
    'FOOD_AND_DRINK_RESTAURANT',
  ),
  keyword('liquor', ['LIQUOR', 'LIQUORS', 'SPIRITS', 'WINE AND SPIRITS', 'WINE SHOP', 'WINERY', 'BOTTLE SHOP', 'BEER STORE'], 'FOOD_AND_DRINK_BEER_WINE_AND_LIQUOR'),
  keyword('vending', ['VENDING', 'CANTEEN VENDING'], 'FOOD_AND_DRINK_VENDING_MACHINES'),
  keyword('grocery', ['GROCERY', 'GROCERIES', 'SUPERMARKET', 'FOOD MART', 'FOODS MARKET', 'MEAT MARKET', 'FARMERS MARKET'], 'FOOD_AND_DRINK_GROCERIES'),

  // --- getting around
  keyword('fuel', ['GAS STATION', 'FUEL', 'PETROLEUM', 'PETRO', 'GASOLINE', 'TRAVEL CENTER', 'TRAVEL PLAZA'], 'TRANSPORTATION_GAS'),
  keyword('taxi', ['TAXI', 'CAB', 'YELLOW CAB', 'LIMO', 'LIMOUSINE'], 'TRANSPORTATION_TAXIS_AND_RIDE_SHARES'),
  keyword('transit', ['TRANSIT', 'METRO TRANSIT', 'RAIL', 'BUS PASS', 'FERRY'], 'TRANSPORTATION_PUBLIC_TRANSIT'),
  keyword('parking', ['PARKING', 'PARK GARAGE', 'GARAGE PARKING', 'METER'], 'TRANSPORTATION_PARKING'),
  keyword('tolls', ['TOLL', 'TOLLS', 'TOLLWAY', 'TURNPIKE', 'TOLL ROAD'], 'TRANSPORTATION_TOLLS'),
  keyword('flights', ['AIRLINE', 'AIRLINES', 'AIRWAYS', 'AIR LINES', 'AIRFARE'], 'TRAVEL_FLIGHTS'),
  keyword('lodging', ['HOTEL', 'HOTELS', 'MOTEL', 'INN', 'RESORT', 'SUITES', 'LODGE', 'HOSTEL'], 'TRAVEL_LODGING'),
  keyword('car-rental', ['RENT A CAR', 'CAR RENTAL', 'RENTAL CAR'], 'TRAVEL_RENTAL_CARS'),

  // --- health and personal care
  keyword('dental', ['DENTAL', 'DENTIST', 'DENTISTRY', 'DDS', 'ORTHODONTICS', 'ORTHODONTIST'], 'MEDICAL_DENTAL_CARE'),
  keyword('eye-care', ['CONTACTS', 'OPTOMETRY', 'OPTOMETRIST', 'EYE CARE', 'EYECARE', 'VISION CENTER', 'OPTICAL', 'EYEWEAR'], 'MEDICAL_EYE_CARE'),
  keyword('pharmacy', ['PHARMACY', 'DRUG STORE', 'DRUGSTORE', 'DRUGS', 'RX'], 'MEDICAL_PHARMACIES_AND_SUPPLEMENTS'),
  keyword(
    'primary-care',
    ['URGENT CARE', 'CLINIC', 'MEDICAL CENTER', 'MEDICAL GROUP', 'PHYSICIANS', 'PEDIATRICS', 'FAMILY MEDICINE', 'HOSPITAL', 'HEALTH SYSTEM', 'MD PC', 'HEALTHCARE'],
    'MEDICAL_PRIMARY_CARE',
  ),
  keyword('nursing', ['NURSING', 'HOME HEALTH', 'SENIOR CARE', 'ASSISTED LIVING'], 'MEDICAL_NURSING_CARE'),
  keyword('medical', ['MEDICAL', 'THERAPY', 'CHIROPRACTIC', 'DERMATOLOGY', 'LABORATORY'], 'MEDICAL_OTHER_MEDICAL'),
  keyword(
    'gym',
    ['FITNESS', 'GYM', 'CROSSFIT', 'YOGA', 'PILATES', 'CLIMBING', 'BOULDERING', 'BARRE', 'CYCLING STUDIO', 'MARTIAL ARTS'],
    'PERSONAL_CARE_GYMS_AND_FITNESS_CENTERS',
  ),
  keyword(
    'hair-and-beauty',
    ['SALON', 'BARBER', 'BARBERSHOP', 'BARBERS', 'NAIL', 'NAILS', 'SPA', 'HAIR', 'BEAUTY', 'LASH', 'LASHES', 'WAXING', 'COSMETICS', 'MASSAGE'],
    'PERSONAL_CARE_HAIR_AND_BEAUTY',
  ),
  keyword('laundry', ['LAUNDRY', 'LAUNDROMAT', 'DRY CLEAN*', 'CLEANERS', 'WASH AND FOLD'], 'PERSONAL_CARE_LAUNDRY_AND_DRY_CLEANING'),

  // --- services
  keyword('childcare', ['DAYCARE', 'DAY CARE', 'CHILD CARE', 'CHILDCARE', 'PRESCHOOL', 'MONTESSORI', 'LEARNING CENTER', 'LEARNING CTR', 'NANNY'], 'GENERAL_SERVICES_CHILDCARE'),
  keyword('education', ['TUITION', 'UNIVERSITY', 'UNIV', 'COLLEGE', 'SCHOOL', 'ACADEMY', 'BOOKSTORE'], 'GENERAL_SERVICES_EDUCATION'),
  keyword(
    'car-care',
    ['CAR WASH', 'AUTO REPAIR', 'AUTO BODY', 'AUTO CARE', 'AUTO SERVICE', 'COLLISION', 'OIL CHANGE', 'TIRE', 'TIRES', 'AUTO PARTS', 'MECHANIC', 'SMOG', 'TOWING'],
    'GENERAL_SERVICES_AUTOMOTIVE',
  ),
  keyword('legal', ['ATTORNEY', 'ATTORNEYS', 'LAW OFFICE', 'LAW OFFICES', 'LAW FIRM', 'LAW GROUP', 'LEGAL'], 'GENERAL_SERVICES_CONSULTING_AND_LEGAL'),
  keyword('accounting', ['CPA', 'ACCOUNTING', 'TAX PREP', 'TAX SERVICE', 'BOOKKEEPING'], 'GENERAL_SERVICES_ACCOUNTING_AND_FINANCIAL_PLANNING'),
  keyword('storage', ['STORAGE', 'SELF STORAGE', 'MINI STORAGE'], 'GENERAL_SERVICES_STORAGE'),
  keyword('postage', ['POSTAGE', 'SHIPPING', 'POST OFFICE'], 'GENERAL_SERVICES_POSTAGE_AND_SHIPPING'),
  keyword('home-repair', ['PLUMBING', 'PLUMBER', 'HVAC', 'ROOFING', 'ELECTRICIAN', 'PEST CONTROL', 'LANDSCAPING', 'HANDYMAN', 'LAWN'], 'HOME_IMPROVEMENT_REPAIR_AND_MAINTENANCE'),

  // --- shops
  keyword('hardware', ['HARDWARE', 'LUMBER', 'HOME CENTER', 'HOME IMPROVEMENT'], 'HOME_IMPROVEMENT_HARDWARE'),
  keyword('furniture', ['FURNITURE', 'MATTRESS', 'HOME FURNISHINGS'], 'HOME_IMPROVEMENT_FURNITURE'),
  keyword('sporting-goods', ['BICYCLE', 'BICYCLES', 'BIKE SHOP', 'CYCLERY', 'SPORTING GOODS', 'OUTDOORS', 'GOLF'], 'GENERAL_MERCHANDISE_SPORTING_GOODS'),
  keyword('clothing', ['APPAREL', 'CLOTHING', 'BOUTIQUE', 'SHOES', 'FOOTWEAR', 'JEWELERS', 'JEWELRY'], 'GENERAL_MERCHANDISE_CLOTHING_AND_ACCESSORIES'),
  keyword('electronics', ['ELECTRONICS', 'COMPUTER', 'COMPUTERS', 'WIRELESS STORE'], 'GENERAL_MERCHANDISE_ELECTRONICS'),
  keyword('pets', ['PET SUPPLIES', 'PET SUPPLY', 'PET STORE', 'PETS'], 'GENERAL_MERCHANDISE_PET_SUPPLIES'),
  keyword('tobacco', ['SMOKE SHOP', 'VAPE', 'TOBACCO', 'CIGAR', 'CIGARS', 'SMOKE'], 'GENERAL_MERCHANDISE_TOBACCO_AND_VAPE'),
  keyword('books', ['BOOKS', 'BOOK STORE', 'NEWSSTAND'], 'GENERAL_MERCHANDISE_BOOKSTORES_AND_NEWSSTANDS'),
  keyword('gifts', ['GIFT SHOP', 'GIFTS', 'FLORIST', 'FLOWERS', 'PARTY CITY', 'HALLMARK'], 'GENERAL_MERCHANDISE_GIFTS_AND_NOVELTIES'),
  keyword('convenience', ['CONVENIENCE', 'MINI MART', 'MINIMART', 'FOOD STORE', 'CORNER STORE'], 'GENERAL_MERCHANDISE_CONVENIENCE_STORES'),
  keyword('discount-store', ['DOLLAR STORE', 'DISCOUNT STORE', '99 CENTS'], 'GENERAL_MERCHANDISE_DISCOUNT_STORES'),

  // --- entertainment
  keyword('movies', ['CINEMA', 'CINEMAS', 'THEATRES', 'MOVIE', 'MOVIES', 'FILM'], 'ENTERTAINMENT_TV_AND_MOVIES'),
  keyword('events', ['TICKETS', 'MUSEUM', 'ZOO', 'AQUARIUM', 'STADIUM', 'ARENA', 'AMUSEMENT', 'THEME PARK', 'CONCERT'], 'ENTERTAINMENT_SPORTING_EVENTS_AMUSEMENT_PARKS_AND_MUSEUMS'),
  keyword('gambling', ['CASINO', 'SPORTSBOOK', 'LOTTERY', 'LOTTO', 'POKER', 'BINGO'], 'ENTERTAINMENT_CASINOS_AND_GAMBLING'),
  keyword('games', ['GAMES', 'GAMING', 'ARCADE'], 'ENTERTAINMENT_VIDEO_GAMES'),
  keyword('fun', ['BOWLING', 'TOPGOLF', 'DAVE AND BUSTERS', 'TRAMPOLINE', 'MINI GOLF', 'ESCAPE ROOM', 'KARAOKE'], 'ENTERTAINMENT_OTHER_ENTERTAINMENT'),

  // --- a fee nobody above recognised: still a charge, most likely the bank's
  keyword('fee', ['FEE', 'FEES'], 'BANK_FEES_OTHER_BANK_FEES', {
    direction: 'outflow',
    confidence: 'LOW',
    channel: 'other',
    detectChannel: false,
  }),
];

import type { CliMessages } from "./en.js";

export const ko: CliMessages = {
  unknownFlag: (flag, command) => `알 수 없는 옵션 ${flag}; ${command} --help를 보세요`,
  needsValue: (flag, command) => `${flag}에는 값이 필요합니다; ${command} --help를 보세요`,
  noValue: (flag) => `${flag}에는 값을 줄 수 없습니다`,
  unexpectedArgument: (arg, command) => `예상하지 못한 인자 "${arg}"; ${command} --help를 보세요`,
  wholeNumber: (flag, value, min, max) =>
    max === undefined
      ? `${flag}는 ${min} 이상의 정수여야 합니다. 받은 값: "${value}"`
      : `${flag}는 ${min}부터 ${max}까지의 정수여야 합니다. 받은 값: "${value}"`,
  number: (flag, value, min, max) =>
    max === undefined
      ? `${flag}는 ${min} 이상의 수여야 합니다. 받은 값: "${value}"`
      : `${flag}는 ${min}부터 ${max}까지의 수여야 합니다. 받은 값: "${value}"`,
  seconds: (flag, value, min, max) => `${flag}는 ${min}초부터 ${max}초까지여야 합니다. 받은 값: "${value}"`,
  notOneOf: (flag, item, valid) => `${flag} "${item}"은(는) ${valid} 중 하나가 아닙니다`,
  emptyItem: (flag, value) => `${flag} "${value}"에 빈 항목이 있습니다; 빈 항목 없이 쉼표로 구분해 주세요`,
  emptyValue: (flag) => `${flag}가 비어 있습니다; 값을 주거나 옵션을 빼세요`,
};

/**
 * Traditional → simplified characters, for notices written or copied in traditional characters
 * (from Hong Kong, Macao or Taiwan sites, or old converters). A small table of the characters that
 * occur in government text, one character for one character, so that positions do not move.
 * Characters that are the same in both scripts, or whose conversion depends on the word
 * (乾/干, 著/着), are left alone.
 */

const TRADITIONAL =
  '與專業東兩嚴個豐臨為麗舉義樂習鄉書買亂爭於虧雲亞產親億僅從倉儀們價眾優會偉傳傷偽體餘側僑儉債傾償儲兒黨蘭關興養內岡冊寫軍農馮衝決' +
  '況凍淨涼減幾憑凱擊劃劉則剛創刪別劑劍劇勸辦務動勵勁勞勢勻區醫華協單賣盧衛卻廠廳曆歷厲壓厭廁廣縣參雙發變敘疊葉號後嚇聽啟吳員響啞嘩' +
  '喚團園圍國圖圓聖場壞塊堅壇壩墳墜壘墾墊執報夠夢頭夾奪奮獎婦媽嬰學孫寧寶實寵審憲宮寬賓對尋導將爾塵嘗屆屬屢層歲島嶺崗幣帥師帳帶幫幹' +
  '庫廢應廟開異棄張彌彎彈強歸當錄彥徹徑復徵憶憂懷態總恆惡悶驚慘慣慮憤願懲戀戰戲戶撲託擴掃揚擾撫搶護擔擬攔擁擇掛摯撈損換據擄擋擠揮擲' +
  '撥攜攝擺搖數斂斷無舊時曠晝顯晉曬曉暫術殺權條來楊極構槍標樣樹橫檢櫃歡歐殘殼毀氣漢湯溝沒淚潑澤潔灑濁測濟瀏渾濃塗漲淵漸漁滅滯滿濾濫' +
  '灣濕潰準災燈靈爐點煉煙煩燒熱營燦爺狀猶獨獄獲環現瑪璽瓊甕電畫暢療瘋癢皚盤盡監蓋盜睜瞭礎礦碼確礙禮禍離種積稱穩窮竊競筆築節範簡籃籌' +
  '簽類糧緊紅約級紀紋納紐純紙紛線練組細終絕給統經結絡續維綜綠網緒編緣緩縱織繳繩繼績罰羅聯聰職聲肅腸膽臉膠腦膚艦艱藝蘇蘋莊萬蓮藥薦蟲' +
  '蝕補襯製複襲見規視覺覽觀觸計訂認討讓訓議記講許論設訪證評識詞試詳誠話該詢語說誤請讀課誰調談諮謀謝謹譜豎豬貝負財責貢貧貨販貪貫購貯' +
  '貴費貸貿資賈賊賦質賬賠賞賢賴贈贊趕趙蹤躍車軌轉輪軟輕載較輔輸轄辭遷邊達過運還這進遠違連遲適選遜遺遼郵鄭鄰醜釋鐵針釘鈴鉛銀銷鋼錢錯' +
  '鍋鍵鎮鏈鏡鐘門閃閉問閒間閘閱闊隊陽陰陣階際陸隨險隱隻難雞雜雖霧靜韓頁頂項順須預領頻題額顏顧風飛飯飲飽館饋馬駐駕驗騎髮鬥魚鮮鳥鳴麥' +
  '黃齊齒龍龜衆夥傑剋劵匯彙檔檯臺颱樓檻瀋稅稟筍紮絲綱緝緯縮罷聞脅舖鋪蔣薩處蟬裝裡裏訴診詐誌誘諾謂謠譯貳賀跡蹟輯週遊邏醞釐鑑鑒長閣闡' +
  '陳隸雛靂韋頒頓頗頸顆飾驅驟鬧麼齡壯濱瀾攤樞機櫥氫獻盞碩禦窩竄篩糾紡緻繪纖纜蝦謄貓賺趨輿轟鄧醬鈔錦閩闖陝顛饒鵬鹽麵黴齋攬囉悅憫懸懇' +
  '掙揀擱攏斃暉曇棟欄殲氈汙濤滬潛瀝煥犧瑣疇癒皺磚禪稈窯箏簾絞綁綢綿緞縫繞罈翹聳膩艙蕭薑藍蘆蠟襪覓訟詩誇謙譽讚豈賜贍軸遞釀鈞銘錫鍛鑄' +
  '閑闆隕韌頌頑颯餓騰鬆鬍魯鴻壽儘勳厰噴嚮墮奬嬌寢屍廬愛慶憐懶戔攪敗斬暈樁殯溫滲漿瀉烏燭犢猻獷璣甦癥矚磯祿穌窪竇筧篤簍籠粵糞紗紳絨綻' +
  '縛繃繡罌羨聶腎膿臍艷蒼蔔藹蘊虜蠶衊袞褲覲訊詛諷謎豔賃賤贖躉軀輩轎辯鈍銳鋒錘鍍鎖鏟鑽闌陘隴雋霽靦韻頰顥餅騙驢髒鬱鯉鴨鵝鶴黷鼴齣龐幀' +
  '慚懼歎漬灘燼矯稜糰紓罵膕臟蔥蘿訣詮謊谘賑贓軋轍遙遝鉤錐鍾闢霑頹餌騷鬢鰻鷹黲傢僱剷嘯噁囌姦彆徬慾搾擡昇朧棲榦殭氾洩溼牠獃痲癡皰硃祕' +
  '稭穫箇篛粧糉紥絃綵縴羶翺脣臯艸菸蒐蕓蘂蚘螄衹覈詒讌貍賸踰蹠迴醃釦鈎鉅銹鍊鎗鐫閧闇陞隄霤靭鞦韆顋餵騐髣鬨鮎鯗鰲鱷鴈鵰麤麯麪齕';
const SIMPLIFIED =
  '与专业东两严个丰临为丽举义乐习乡书买乱争于亏云亚产亲亿仅从仓仪们价众优会伟传伤伪体余侧侨俭债倾偿储儿党兰关兴养内冈册写军农冯冲决' +
  '况冻净凉减几凭凯击划刘则刚创删别剂剑剧劝办务动励劲劳势匀区医华协单卖卢卫却厂厅历历厉压厌厕广县参双发变叙叠叶号后吓听启吴员响哑哗' +
  '唤团园围国图圆圣场坏块坚坛坝坟坠垒垦垫执报够梦头夹夺奋奖妇妈婴学孙宁宝实宠审宪宫宽宾对寻导将尔尘尝届属屡层岁岛岭岗币帅师帐带帮干' +
  '库废应庙开异弃张弥弯弹强归当录彦彻径复征忆忧怀态总恒恶闷惊惨惯虑愤愿惩恋战戏户扑托扩扫扬扰抚抢护担拟拦拥择挂挚捞损换据掳挡挤挥掷' +
  '拨携摄摆摇数敛断无旧时旷昼显晋晒晓暂术杀权条来杨极构枪标样树横检柜欢欧残壳毁气汉汤沟没泪泼泽洁洒浊测济浏浑浓涂涨渊渐渔灭滞满滤滥' +
  '湾湿溃准灾灯灵炉点炼烟烦烧热营灿爷状犹独狱获环现玛玺琼瓮电画畅疗疯痒皑盘尽监盖盗睁了础矿码确碍礼祸离种积称稳穷窃竞笔筑节范简篮筹' +
  '签类粮紧红约级纪纹纳纽纯纸纷线练组细终绝给统经结络续维综绿网绪编缘缓纵织缴绳继绩罚罗联聪职声肃肠胆脸胶脑肤舰艰艺苏苹庄万莲药荐虫' +
  '蚀补衬制复袭见规视觉览观触计订认讨让训议记讲许论设访证评识词试详诚话该询语说误请读课谁调谈咨谋谢谨谱竖猪贝负财责贡贫货贩贪贯购贮' +
  '贵费贷贸资贾贼赋质账赔赏贤赖赠赞赶赵踪跃车轨转轮软轻载较辅输辖辞迁边达过运还这进远违连迟适选逊遗辽邮郑邻丑释铁针钉铃铅银销钢钱错' +
  '锅键镇链镜钟门闪闭问闲间闸阅阔队阳阴阵阶际陆随险隐只难鸡杂虽雾静韩页顶项顺须预领频题额颜顾风飞饭饮饱馆馈马驻驾验骑发斗鱼鲜鸟鸣麦' +
  '黄齐齿龙龟众伙杰克券汇汇档台台台楼槛沈税禀笋扎丝纲缉纬缩罢闻胁铺铺蒋萨处蝉装里里诉诊诈志诱诺谓谣译贰贺迹迹辑周游逻酝厘鉴鉴长阁阐' +
  '陈隶雏雳韦颁顿颇颈颗饰驱骤闹么龄壮滨澜摊枢机橱氢献盏硕御窝窜筛纠纺致绘纤缆虾誊猫赚趋舆轰邓酱钞锦闽闯陕颠饶鹏盐面霉斋揽啰悦悯悬恳' +
  '挣拣搁拢毙晖昙栋栏歼毡污涛沪潜沥焕牺琐畴愈皱砖禅秆窑筝帘绞绑绸绵缎缝绕坛翘耸腻舱萧姜蓝芦蜡袜觅讼诗夸谦誉赞岂赐赡轴递酿钧铭锡锻铸' +
  '闲板陨韧颂顽飒饿腾松胡鲁鸿寿尽勋厂喷向堕奖娇寝尸庐爱庆怜懒戋搅败斩晕桩殡温渗浆泻乌烛犊狲犷玑苏症瞩矶禄稣洼窦笕笃篓笼粤粪纱绅绒绽' +
  '缚绷绣罂羡聂肾脓脐艳苍卜蔼蕴虏蚕蔑衮裤觐讯诅讽谜艳赁贱赎趸躯辈轿辩钝锐锋锤镀锁铲钻阑陉陇隽霁腼韵颊颢饼骗驴脏郁鲤鸭鹅鹤黩鼹出庞帧' +
  '惭惧叹渍滩烬矫棱团纾骂腘脏葱萝诀诠谎咨赈赃轧辙遥沓钩锥钟辟沾颓饵骚鬓鳗鹰黪家雇铲啸恶苏奸别彷欲榨抬升胧栖干僵泛泄湿它呆麻痴疱朱秘' +
  '秸获个箬妆粽扎弦彩纤膻翱唇皋草烟搜芸蕊蛔蛳只核诒宴狸剩逾跖回腌扣钩巨锈炼枪镌哄暗升堤溜韧秋千腮喂验仿哄鲇鲞鳌鳄雁雕粗曲面龁';

const TO_SIMPLIFIED: ReadonlyMap<string, string> = (() => {
  const map = new Map<string, string>();
  const t = Array.from(TRADITIONAL);
  const s = Array.from(SIMPLIFIED);
  t.forEach((c, i) => map.set(c, s[i] as string));
  return map;
})();

const ANY_TRADITIONAL = new RegExp(`[${TRADITIONAL}]`, 'g');
/** Lookup table by UTF-16 code: 1 for a traditional-only character of the table. */
const IS_TRADITIONAL = (() => {
  const table = new Uint8Array(0x10000);
  for (const c of TRADITIONAL) table[c.charCodeAt(0)] = 1;
  return table;
})();

/** How many characters of `text` are traditional-only forms of the table. */
export function countTraditional(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) n += IS_TRADITIONAL[text.charCodeAt(i)] as number;
  return n;
}

/**
 * Whether a document is written in traditional characters: at least 3 traditional-only
 * characters, and at least 1 in 100 of its CJK characters. A simplified notice that quotes one
 * traditional name stays as written.
 */
export function isTraditional(text: string): boolean {
  let n = 0;
  let cjk = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    n += IS_TRADITIONAL[c] as number;
    if (c >= 0x4e00 && c <= 0x9fff) cjk++;
  }
  return n >= 3 && n * 100 >= cjk;
}

/** Traditional characters of the table → simplified; every other character unchanged (same length). */
export function toSimplified(text: string): string {
  if (countTraditional(text) === 0) return text;
  ANY_TRADITIONAL.lastIndex = 0;
  return text.replace(ANY_TRADITIONAL, (c) => TO_SIMPLIFIED.get(c) ?? c);
}
